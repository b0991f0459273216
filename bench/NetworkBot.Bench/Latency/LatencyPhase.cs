using NetworkBot.Bench.Answers;

namespace NetworkBot.Bench.Latency;

/// <summary>
/// What one rate of the <c>latency</c> run measured: the members' interactions (<see cref="Tally"/>), the slowest answer
/// of each kind of interaction, and the rounds managers started meanwhile with the seconds their own commands took to answer.
/// </summary>
internal sealed record LatencyPhase(int Rate, AnswerTally Tally, IReadOnlyDictionary<string, double> SlowestByKind, int Rounds, IReadOnlyList<double> RunNowSeconds);

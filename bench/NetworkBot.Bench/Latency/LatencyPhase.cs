using NetworkBot.Bench.Answers;

namespace NetworkBot.Bench.Latency;

/// <summary>
/// What one rate of the <c>latency</c> run measured on one platform (its communities' share): the members' interactions (<see cref="Tally"/>), the slowest answer
/// of each kind of interaction, the rounds managers started meanwhile with the seconds their own commands took to answer,
/// and what the bot spent on it all (both platforms): CPU seconds while the rate was driven and its thread count at the end of it (a count
/// that grows means blocked threads made the thread pool add more).
/// </summary>
internal sealed record LatencyPhase(
    string Platform, int Rate, AnswerTally Tally, IReadOnlyDictionary<string, double> SlowestByKind, int Rounds, IReadOnlyList<double> RunNowSeconds, double CpuSeconds, int Threads);

namespace NetworkBot.Bench.Footprint;

/// <summary>
/// What one community size measured: the seeding, each start's seconds to ready and to the first answer and the CPU seconds the bot used by then (the warm-up
/// start left out), memory idle and during a round, and how far the round got.
/// </summary>
internal sealed record FootprintResult(
    int Members,
    double SeedSeconds,
    IReadOnlyList<double> ReadySeconds,
    IReadOnlyList<double> AnswerSeconds,
    IReadOnlyList<double> AnswerCpuSeconds,
    ProcessMemory Idle,
    ProcessMemory Round,
    double RoundAnsweredSeconds,
    string RoundAnswer,
    int MessagesPosted,
    int BotErrors,
    string BotLog);

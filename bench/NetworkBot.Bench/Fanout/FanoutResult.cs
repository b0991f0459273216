namespace NetworkBot.Bench.Fanout;

/// <summary>
/// What one fan-out run measured: the calls and 429s per method the fake counted during the fan-out, the time from its
/// first call to its last, and the bound — the least time the limits in force allow for the calls that were accepted —
/// with how it was reached (<see cref="BoundBy"/>).
/// </summary>
internal sealed record FanoutResult(
    FanoutScenario Scenario,
    double Scale,
    IReadOnlyDictionary<string, (int Calls, int Limited)> Calls,
    double Seconds,
    double BoundSeconds,
    string BoundBy,
    int Posts,
    bool Finished,
    int BotErrors,
    string BotLog)
{
    /// <summary>The bot's CPU time from the fan-out's first call to the end of the run: what the fan-out cost it, whatever the load.</summary>
    public double CpuSeconds { get; init; }

    public int TotalCalls => Calls.Values.Sum(c => c.Calls);

    public int TotalLimited => Calls.Values.Sum(c => c.Limited);

    public double Ratio => BoundSeconds > 0 ? Seconds / BoundSeconds : double.PositiveInfinity;

    public double LimitedShare => TotalCalls == 0 ? 0 : (double)TotalLimited / TotalCalls;
}

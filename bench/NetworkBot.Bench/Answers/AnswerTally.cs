namespace NetworkBot.Bench.Answers;

/// <summary>
/// What one run measured. <see cref="Latencies"/> are seconds from sending to the first callback, ascending, one per
/// answered interaction; <see cref="Late"/> interactions were sent over 0.1 s behind schedule (at most <see cref="LatestSeconds"/>).
/// </summary>
internal sealed record AnswerTally(
    int Sent,
    IReadOnlyList<double> Latencies,
    int Deferred,
    int Duplicates,
    int RoleChanges,
    int RoleCalls,
    int RoleLimited,
    IReadOnlyDictionary<string, int> Faults,
    int Connections,
    int Late,
    double LatestSeconds,
    double DrivenSeconds,
    int BotErrors,
    string BotLog)
{
    public int Answered => Latencies.Count;

    public int Within(double seconds) => Latencies.Count(l => l <= seconds);

    /// <summary>The latency below which <paramref name="share"/> of the sent interactions were answered (unanswered ones count as endless).</summary>
    public double Percentile(double share)
    {
        var rank = (int)Math.Ceiling(share * Sent) - 1;
        return rank < Latencies.Count ? Latencies[Math.Max(rank, 0)] : double.PositiveInfinity;
    }
}

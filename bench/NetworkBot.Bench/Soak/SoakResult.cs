namespace NetworkBot.Bench.Soak;

/// <summary>
/// What one provider's soak measured: the samples from start to end, every failed call by kind, and each kind of call's
/// count and mean time (which says where the time of a slow provider goes).
/// </summary>
internal sealed record SoakResult(IReadOnlyList<SoakSample> Samples, IReadOnlyDictionary<string, int> Failures, IReadOnlyList<(string Kind, long Calls, TimeSpan Mean)> Kinds)
{
    public SoakSample Start => Samples[0];

    public SoakSample Middle => Samples[Samples.Count / 2];

    public SoakSample End => Samples[^1];

    public int Failed => Failures.Values.Sum();

    public double OperationsPerSecond => End.Operations / End.Elapsed.TotalSeconds;

    /// <summary>Calls per second between two samples.</summary>
    public static double Rate(SoakSample from, SoakSample to) => (to.Operations - from.Operations) / (to.Elapsed - from.Elapsed).TotalSeconds;

    /// <summary>The rate over the first and over the last tenth of the run, to show a slowdown as the files grow.</summary>
    public (double First, double Last) FirstAndLastRates
    {
        get
        {
            var tenth = Math.Max(1, (Samples.Count - 1) / 10);
            return (Rate(Samples[0], Samples[tenth]), Rate(Samples[^(tenth + 1)], Samples[^1]));
        }
    }

    /// <summary>
    /// Memory is flat when, after a full GC, the managed heap and the working set at the end are within 20% (plus 16 MB
    /// of noise) of the middle: what the first half built up (caches, pools) may stay, but the second half adds nothing.
    /// </summary>
    public bool MemoryFlat => Within(Middle.ManagedBytes, End.ManagedBytes) && Within(Middle.WorkingSetBytes, End.WorkingSetBytes);

    /// <summary>
    /// The log is bounded when the second half never sees it larger than the first half did (plus 10% and 1 MB): the
    /// engine folds it into the data file, so it does not grow with the data.
    /// </summary>
    public bool LogBounded
    {
        get
        {
            var half = Samples.Count / 2;
            var firstHalf = Samples.Take(half + 1).Max(s => s.LogFileBytes);
            return Samples.Skip(half + 1).All(s => s.LogFileBytes <= (firstHalf * 1.1) + (1 << 20));
        }
    }

    private static bool Within(long middle, long end) => end <= (middle * 1.2) + (16 << 20);
}

namespace NetworkBot.Host.Shell;

/// <summary>
/// The time of one-shot verbs: the real time (or a test's clock), plus whatever the shell's <c>/wait</c> skipped
/// ahead, so a newcomer can watch a whole coffee round (check-in, summary) in a minute.
/// </summary>
public sealed class ShellClock(TimeProvider basis) : TimeProvider
{
    private TimeSpan skipped;

    public ShellClock()
        : this(System)
    {
    }

    public override DateTimeOffset GetUtcNow() => basis.GetUtcNow() + skipped;

    public void Skip(TimeSpan by) => skipped += by;
}

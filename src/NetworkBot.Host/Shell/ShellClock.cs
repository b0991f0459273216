namespace NetworkBot.Host.Shell;

/// <summary>
/// The time of one-shot verbs: the real time, plus whatever the shell's <c>/wait</c> skipped ahead, so a
/// newcomer can watch a whole coffee round (check-in, summary) in a minute.
/// </summary>
public sealed class ShellClock : TimeProvider
{
    private TimeSpan skipped;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + skipped;

    public void Skip(TimeSpan by) => skipped += by;
}

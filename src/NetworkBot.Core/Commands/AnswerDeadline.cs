namespace NetworkBot.Core.Commands;

/// <summary>
/// The race every platform runs against its answer window (Discord's and Slack's 3 s): a reply ready in time is
/// sent as the answer itself; a slower one is acknowledged first ("thinking…", an empty ack) and delivered later.
/// </summary>
public static class AnswerDeadline
{
    /// <summary>True when <paramref name="work"/> finished within <paramref name="limit"/> on <paramref name="time"/>'s clock.</summary>
    public static async Task<bool> MetAsync(Task work, TimeSpan limit, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(time);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var deadline = Task.Delay(limit, time, timer.Token);
        if (await Task.WhenAny(work, deadline).ConfigureAwait(false) == work)
        {
            await timer.CancelAsync().ConfigureAwait(false);
            return true;
        }

        return false;
    }
}

namespace NetworkBot.Transport;

/// <summary>
/// Several connections of one platform that run side by side (Discord's shards, Slack's Socket Mode connections) and
/// stand or fall together: each keeps itself connected, and one that fails for good stops the others first, so the
/// failure ends the bot once, with its own cause.
/// </summary>
public static class ConnectionGroup
{
    /// <summary>
    /// Runs every part of <paramref name="parts"/> on one token linked to <paramref name="ct"/> until all have ended;
    /// the first that fails cancels the others, waits for them, and its exception is rethrown.
    /// </summary>
    public static async Task RunAsync(IEnumerable<Func<CancellationToken, Task>> parts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parts);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var all = parts.Select(part => part(stop.Token)).ToList();
        var running = new List<Task>(all);
        while (running.Count > 0)
        {
            var done = await Task.WhenAny(running).ConfigureAwait(false);
            running.Remove(done);
            if (done.IsFaulted)
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                await done.ConfigureAwait(false);
            }
        }

        await Task.WhenAll(all).ConfigureAwait(false);
    }
}

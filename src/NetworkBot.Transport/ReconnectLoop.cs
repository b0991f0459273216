namespace NetworkBot.Transport;

/// <summary>
/// The one reconnect loop: how every part that keeps trying to reach its platform (a gateway shard, Socket Mode, a
/// bot's start-up calls) waits after a failure. The waits follow <paramref name="backoff"/> over the failures in a
/// row, on the injected clock, and its owner logs each wait once; a success starts the count again.
/// </summary>
public sealed class ReconnectLoop(TimeProvider time, Backoff backoff, Random random)
{
    /// <summary>1 s doubling up to a minute, jittered: what the sockets and the start-up calls of both platforms use.</summary>
    public static readonly Backoff Reconnects = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

    /// <summary>Failures since the last success.</summary>
    public int Failures { get; private set; }

    public void Succeeded() => Failures = 0;

    /// <summary>
    /// A request that got no answer: the connection refused or lost, or the client's timeout (a cancellation nobody
    /// asked for). Worth trying again for as long as it takes; callers check their own token first.
    /// </summary>
    public static bool IsUnanswered(Exception exception) => exception is HttpRequestException or TaskCanceledException;

    /// <summary>
    /// Counts a failure and waits: <paramref name="platformWait"/> when the platform named one, the backoff's otherwise.
    /// <paramref name="logWait"/> gets the wait and the failures in a row before it starts.
    /// </summary>
    public async Task WaitAfterFailureAsync(Action<TimeSpan, int> logWait, CancellationToken ct, TimeSpan? platformWait = null)
    {
        ArgumentNullException.ThrowIfNull(logWait);
        Failures++;
        var delay = platformWait ?? backoff.Delay(Failures, random);
        logWait(delay, Failures);
        await Task.Delay(delay, time, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> until it succeeds, for as long as it takes: a failure <paramref name="transient"/>
    /// accepts is waited out (logged through <paramref name="logWait"/>) and tried again; any other failure, and
    /// cancellation, ends the loop.
    /// </summary>
    public async Task<T> UntilDoneAsync<T>(
        Func<CancellationToken, Task<T>> attempt,
        Func<Exception, bool> transient,
        Action<Exception, TimeSpan, int> logWait,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(transient);
        ArgumentNullException.ThrowIfNull(logWait);
        while (true)
        {
            try
            {
                var result = await attempt(ct).ConfigureAwait(false);
                Succeeded();
                return result;
            }
            catch (Exception e) when (!ct.IsCancellationRequested && transient(e))
            {
                await WaitAfterFailureAsync((delay, failures) => logWait(e, delay, failures), ct).ConfigureAwait(false);
            }
        }
    }
}

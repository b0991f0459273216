using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NetworkBot.Transport;

/// <summary>
/// What every platform's bot does for <c>networkbot run</c>, whatever its platform: nothing without its token; the
/// start-up calls (who the bot is, command registration) tried again from the top for as long as the platform is only
/// unreachable (a network error, a 5xx, a rate limit) and the host is not stopping, each wait logged once; then the
/// connection and its workers until the host stops. A refusal (a rejected token, a fatal socket close) is never
/// retried: one clear line, <see cref="Refused"/> set and the process stopped, which <c>run</c> turns into
/// <see cref="ConfigurationRefusedExitCode"/>.
/// </summary>
/// <param name="platform">The platform's name in log lines, such as <c>Discord</c>.</param>
/// <param name="random">Jitter for the start-up waits; tests fix it.</param>
public abstract partial class PlatformBot(string platform, IHostApplicationLifetime lifetime, TimeProvider time, Random random, ILogger logger)
    : BackgroundService
{
    /// <summary>The process exit code after a platform refused the configuration (token, intents, shards).</summary>
    public const int ConfigurationRefusedExitCode = 3;

    /// <summary>The bot's log, for what the platform's own part logs.</summary>
    protected ILogger Logger { get; } = logger;

    /// <summary>The platform refused the configuration; the process was asked to stop.</summary>
    public bool Refused { get; private set; }

    /// <summary>Whether the platform is configured (its token set); a bot that is not does nothing.</summary>
    protected abstract bool IsEnabled { get; }

    /// <summary>The calls made once at start; all of them run again after a passing failure, so each must be safe to repeat.</summary>
    protected abstract Task StartUpAsync(CancellationToken ct);

    /// <summary>Keeps the connection and the workers running until <paramref name="ct"/> is cancelled.</summary>
    protected abstract Task RunAsync(CancellationToken ct);

    /// <summary>
    /// Whether <paramref name="exception"/> is the platform refusing the configuration. <paramref name="reason"/> is the
    /// sentence to log, or null when the part that threw has logged the cause and the fix already.
    /// </summary>
    protected abstract bool IsRefusal(Exception exception, out string? reason);

    /// <summary>Whether a failure says "not now" (no answer, a 5xx, a rate limit) rather than "never".</summary>
    protected abstract bool IsOutage(Exception exception);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsEnabled)
        {
            return;
        }

        try
        {
            var startUp = new ReconnectLoop(time, ReconnectLoop.Reconnects, random);
            await startUp.UntilDoneAsync(
                async ct =>
                {
                    await StartUpAsync(ct).ConfigureAwait(false);
                    return true;
                },
                IsPassing,
                (exception, delay, failures) => StartUpWaiting(Logger, platform, exception.Message, delay.TotalSeconds, failures),
                stoppingToken).ConfigureAwait(false);
            await RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (IsRefusal(exception, out var reason))
        {
            if (reason is not null)
            {
                RefusedLog(Logger, platform, reason);
            }

            Refused = true;
            lifetime.StopApplication();
        }
    }

    /// <summary>
    /// Runs <paramref name="count"/> workers that take items off <paramref name="reader"/> until it completes or
    /// <paramref name="ct"/> is cancelled; each item goes through <paramref name="handle"/>, which must not throw
    /// (see <see cref="HandleAsync"/>).
    /// </summary>
    protected static Task RunWorkersAsync<T>(int count, ChannelReader<T> reader, Func<T, CancellationToken, Task> handle, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(handle);
        return Task.WhenAll(Enumerable.Range(0, count).Select(_ => Task.Run(
            async () =>
            {
                await foreach (var item in reader.ReadAllAsync(ct).ConfigureAwait(false))
                {
                    await handle(item, ct).ConfigureAwait(false);
                }
            },
            ct)));
    }

    /// <summary>
    /// Runs one handler: its failure is logged once (as handling <paramref name="what"/>) and goes no further, so a
    /// failing handler never takes a worker down; a stop cancelling it ends it quietly.
    /// </summary>
    protected async Task HandleAsync(Func<CancellationToken, Task> work, string what, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            await work(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: work in flight at a stop goes unfinished.
        }
        catch (Exception exception)
        {
            HandlingFailed(Logger, exception, platform, what);
        }
    }

    private bool IsPassing(Exception exception) => !IsRefusal(exception, out _) && IsOutage(exception);

    [LoggerMessage(EventId = 1500, Level = LogLevel.Warning, Message = "{Platform} could not be reached at start ({Reason}); trying again in {DelaySeconds:0.#} s (failure {Failures} in a row)")]
    private static partial void StartUpWaiting(ILogger logger, string platform, string reason, double delaySeconds, int failures);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Critical, Message = "{Platform} refused NetworkBot: {Reason} NetworkBot stops; fix the setting and start it again.")]
    private static partial void RefusedLog(ILogger logger, string platform, string reason);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Error, Message = "Handling the {Platform} {What} failed")]
    private static partial void HandlingFailed(ILogger logger, Exception exception, string platform, string what);
}

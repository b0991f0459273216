using NetworkBot.Core.Storage;
using NetworkBot.Storage;

namespace NetworkBot.Host.Tests.Journeys;

/// <summary>
/// The real <c>networkbot run</c>, in-process, on a journey's clock, for the surfaces of chat platforms: the test gives
/// the platform's settings, the worker looks for due work and outbox messages every 100 ms of real time, and stopping
/// it must end it cleanly (exit 0). The store reads the bot's own database: its embedded file (SQLite's or LiteDB's,
/// <see cref="Provider"/>), or the database the settings name (a PostgreSQL one that several runs share).
/// </summary>
public sealed class JourneyRun(JourneyClock clock) : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private Task<(int Exit, string Out, string Error)>? run;
    private JourneyStore? store;

    /// <summary>
    /// The embedded store the bot runs on, in a temporary folder, unless <see cref="Settings"/> name another database; set
    /// before the settings are first used.
    /// </summary>
    public string Provider { get; set; } = StorageOptions.SqliteProvider;

    /// <summary>The configuration the bot starts with (its platform's token, API base URL, listener).</summary>
    public Dictionary<string, string?> Settings => Cli.Settings;

    private CliRunner Cli => field ??= new CliRunner(Provider);

    public IStore Store => store?.Store ?? throw new InvalidOperationException("Start the surface first.");

    /// <summary>The database the bot runs on: the one <see cref="Settings"/> name, else its embedded file.</summary>
    public string ConnectionString => Settings.GetValueOrDefault("Storage:ConnectionString") ?? Cli.ConnectionString;

    /// <summary>Starts the bot and returns once <paramref name="ready"/> says it takes requests; fails at once if it exits instead.</summary>
    public async Task StartAsync(Func<CancellationToken, Task> ready, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ready);
        Cli.Clock = clock;
        Cli.Settings["Worker:SchedulerTick"] = "00:00:00.100";
        Cli.Settings["Worker:OutboxPoll"] = "00:00:00.100";
        run = Cli.RunAsync(string.Empty, stop.Token, "run");
        var started = ready(ct);
        if (await Task.WhenAny(started, run) == run)
        {
            var (exit, _, error) = await run;
            throw new Xunit.Sdk.XunitException($"networkbot run exited with {exit} while starting: {error}");
        }

        await started;
        store = new JourneyStore(ConnectionString, Settings.GetValueOrDefault("Storage:Provider") ?? Provider);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (run is not null)
        {
            var (exit, _, error) = await run;
            Assert.True(exit == 0, $"networkbot run exited with {exit}: {error}");
        }

        store?.Dispose();
        Cli.Dispose();
        stop.Dispose();
    }
}

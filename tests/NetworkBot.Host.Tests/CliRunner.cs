using NetworkBot.Host.Cli;
using NetworkBot.Host.Shell;
using NetworkBot.Storage;
using NetworkBot.Tests;

namespace NetworkBot.Host.Tests;

/// <summary>Runs <c>networkbot</c> verbs in-process on a temporary database, with text in and out.</summary>
/// <param name="provider">The embedded store the verbs use: SQLite's file (the default) or LiteDB's, in a temporary folder.</param>
public sealed class CliRunner(string provider = StorageOptions.SqliteProvider) : IDisposable
{
    private readonly TempDatabase database = new();

    /// <summary>The embedded database's file.</summary>
    public string DatabasePath => IsLiteDb ? Path.Combine(database.Folder, "networkbot.litedb") : database.FilePath;

    public string ConnectionString => IsLiteDb ? $"Filename={DatabasePath}" : database.ConnectionString;

    /// <summary>The database the verbs use unless <see cref="Settings"/> names another.</summary>
    public StorageOptions Storage => new() { Provider = provider, ConnectionString = ConnectionString };

    public Dictionary<string, string?> Settings { get; } = new();

    private bool IsLiteDb => string.Equals(provider, StorageOptions.LiteDbProvider, StringComparison.Ordinal);

    /// <summary>The clock <c>run</c> reads, when a test moves time by hand; the system clock otherwise.</summary>
    public TimeProvider? Clock { get; set; }

    public Task<(int Exit, string Out, string Error)> RunAsync(string input, params string[] args) =>
        RunAsync(input, CancellationToken.None, args);

    /// <summary>Runs a verb until it ends or <paramref name="ct"/> stops it (<c>run</c> stops only so).</summary>
    public async Task<(int Exit, string Out, string Error)> RunAsync(string input, CancellationToken ct, params string[] args)
    {
        // The temporary file unless the test named another database (a PostgreSQL one).
        var overrides = new Dictionary<string, string?>(Settings);
        overrides.TryAdd("Storage:Provider", provider);
        overrides.TryAdd("Storage:ConnectionString", ConnectionString);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var console = new ShellConsole(new StringReader(input), stdout, stderr, IsInteractive: false);
        var exit = await new NetworkBotCli(console, overrides, Clock).InvokeAsync(args, ct);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Starts <c>run</c> on a clock the test moves and skips every wait it makes (retries, backoff) until
    /// <paramref name="reached"/> completes; <c>run</c> ending first fails the test with what it said. Returns <c>run</c>.
    /// </summary>
    public async Task<Task<(int Exit, string Out, string Error)>> RunSkippingWaitsAsync(Task reached, CancellationToken ct)
    {
        var clock = new TimerCountingTimeProvider();
        Clock = clock;
        var run = RunAsync(string.Empty, ct, "run");
        await clock.AdvanceUntilAsync(Task.WhenAny(reached, run), TimeSpan.FromSeconds(10));
        Assert.False(run.IsCompleted, run.IsCompleted ? (await run).Error : null);
        return run;
    }

    public void Dispose() => database.Dispose();
}

using NetworkBot.Host.Cli;
using NetworkBot.Host.Shell;
using NetworkBot.Tests;

namespace NetworkBot.Host.Tests;

/// <summary>Runs <c>networkbot</c> verbs in-process on a temporary database, with text in and out.</summary>
public sealed class CliRunner : IDisposable
{
    private readonly TempDatabase database = new();

    public string DatabasePath => database.FilePath;

    public string ConnectionString => database.ConnectionString;

    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>The clock <c>run</c> reads, when a test moves time by hand; the system clock otherwise.</summary>
    public TimeProvider? Clock { get; set; }

    public Task<(int Exit, string Out, string Error)> RunAsync(string input, params string[] args) =>
        RunAsync(input, CancellationToken.None, args);

    /// <summary>Runs a verb until it ends or <paramref name="ct"/> stops it (<c>run</c> stops only so).</summary>
    public async Task<(int Exit, string Out, string Error)> RunAsync(string input, CancellationToken ct, params string[] args)
    {
        // The temporary SQLite file unless the test named another database (a PostgreSQL one).
        var overrides = new Dictionary<string, string?>(Settings);
        overrides.TryAdd("Storage:ConnectionString", database.ConnectionString);
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

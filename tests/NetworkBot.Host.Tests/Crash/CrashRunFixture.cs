using System.Globalization;
using NetworkBot.Storage;
using NetworkBot.Tests;

namespace NetworkBot.Host.Tests.Crash;

/// <summary>
/// One crash run of the Debug <c>networkbot</c> the test project copies (<c>networkbot.dll</c> under <c>dotnet</c>), made
/// once for a test class and read by each of its facts: <see cref="Groups"/> pairs and <see cref="Going"/> reminders,
/// stopped <see cref="Stops"/> times. The seed is random unless <c>NETWORKBOT_CRASH_SEED</c> fixes it, and printed with
/// every stop in each test's output, so a failure can be run again as it was. This base runs one instance on the
/// embedded database <paramref name="provider"/> names (SQLite unless told) when the class starts; a fixture on
/// PostgreSQL runs <see cref="RunAsync"/> itself.
/// </summary>
public abstract class CrashRunFixture(
    CrashSignal signal, int stops = 3, int groups = 100, int going = 40, string provider = StorageOptions.SqliteProvider) : IAsyncLifetime
{
    private readonly TempDatabase folder = new();
    private readonly List<string> lines = [];
    private CrashTally? tally;

    public CrashScenario Scenario { get; } = new(groups, going);

    public int Groups => Scenario.Groups;

    public int Going => Scenario.Going;

    public int Stops => stops;

    public CrashTally Tally => tally ?? throw new InvalidOperationException("The crash run has not run.");

    public IReadOnlyList<string> Lines => lines;

    public virtual Task InitializeAsync() => RunAsync(CrashStorage.Embedded(provider, folder.Folder), instances: 1, new Dictionary<string, string>(), (0, 2));

    public Task DisposeAsync()
    {
        folder.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Runs the crash run on <paramref name="storage"/> (and disposes it) with <paramref name="instances"/> bots at once.</summary>
    protected async Task RunAsync(CrashStorage storage, int instances, IReadOnlyDictionary<string, string> settings, (double From, double To) moments)
    {
        ArgumentNullException.ThrowIfNull(storage);
        await using var _ = storage;
        var seed = Environment.GetEnvironmentVariable("NETWORKBOT_CRASH_SEED") is { } fixedSeed
            ? int.Parse(fixedSeed, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        lines.Add($"seed {seed} (NETWORKBOT_CRASH_SEED={seed} repeats it), {storage.Provider}, {instances} instance(s), " +
            $"SIG{signal.ToString().ToUpperInvariant()} ×{stops}, {Groups} groups, {Going} reminders{string.Concat(settings.Select(s => $", {s.Key}={s.Value}"))}");
        var run = new CrashRun(
            Path.Combine(AppContext.BaseDirectory, "networkbot.dll"), Scenario, storage, instances, stops, signal, seed, TimeSpan.FromMinutes(3), lines.Add)
        {
            Settings = settings,
            Moments = moments,
        };
        tally = await run.RunAsync(folder.Folder, CancellationToken.None);
        lines.Add($"expected {tally.Expected}, delivered {tally.Delivered}, lost {tally.Lost.Count}, duplicates {tally.Duplicates} " +
            $"({string.Join(", ", tally.Repeated.Keys)}), second threads {tally.ExtraThreads}, rounds {tally.Rounds}");
        if (tally.FinishedAfterLastStop is { } finished)
        {
            lines.Add($"after the last stop: {tally.PostedAfterLastStop} messages posted, the first {tally.FirstPostAfterLastStop?.TotalSeconds:0.00} s " +
                $"and the last {finished.TotalSeconds:0.00} s after it ended");
        }
    }
}

using System.Globalization;
using NetworkBot.Tests;

namespace NetworkBot.Host.Tests.Crash;

/// <summary>
/// One crash run of the Debug <c>networkbot</c> the test project copies (<c>networkbot.dll</c> under <c>dotnet</c>), made
/// once for a test class and read by each of its facts: <see cref="Groups"/> pairs and <see cref="Going"/> reminders,
/// stopped <see cref="Stops"/> times. The seed is random unless <c>NETWORKBOT_CRASH_SEED</c> fixes it, and printed with
/// every stop in each test's output, so a failure can be run again as it was.
/// </summary>
public abstract class CrashRunFixture(CrashSignal signal) : IAsyncLifetime
{
    public const int Groups = 100;
    public const int Going = 40;
    public const int Stops = 3;

    private readonly TempDatabase folder = new();
    private readonly List<string> lines = [];

    public CrashTally Tally { get; private set; } = null!;

    public IReadOnlyList<string> Lines => lines;

    public async Task InitializeAsync()
    {
        var seed = Environment.GetEnvironmentVariable("NETWORKBOT_CRASH_SEED") is { } fixedSeed
            ? int.Parse(fixedSeed, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        lines.Add($"seed {seed} (NETWORKBOT_CRASH_SEED={seed} repeats it), SIG{signal.ToString().ToUpperInvariant()} ×{Stops}, {Groups} groups, {Going} reminders");
        var run = new CrashRun(
            Path.Combine(AppContext.BaseDirectory, "networkbot.dll"), new CrashScenario(Groups, Going), Stops, signal, seed, TimeSpan.FromMinutes(2), lines.Add);
        Tally = await run.RunAsync(folder.Folder, CancellationToken.None);
        lines.Add($"expected {Tally.Expected}, delivered {Tally.Delivered}, lost {Tally.Lost.Count}, duplicates {Tally.Duplicates} " +
            $"({string.Join(", ", Tally.Repeated.Keys)}), second threads {Tally.ExtraThreads}");
    }

    public Task DisposeAsync()
    {
        folder.Dispose();
        return Task.CompletedTask;
    }
}

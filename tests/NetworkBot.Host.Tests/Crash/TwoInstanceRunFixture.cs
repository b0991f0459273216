using NetworkBot.Tests.Postgres;
using Xunit.Abstractions;

namespace NetworkBot.Host.Tests.Crash;

/// <summary>
/// A crash run of two <c>networkbot run</c> processes at once on one PostgreSQL database of the collection's server
/// (issue 14), delivering a round of <paramref name="groups"/> pairs and <see cref="ReminderCount"/> reminders. It runs on the first
/// test that asks (<see cref="TallyAsync"/>), since a class fixture cannot take the collection's server; where there is
/// no PostgreSQL the tests are skipped before asking, or in CI fail when they ask.
/// </summary>
public abstract class TwoInstanceRunFixture(CrashSignal signal, int stops, int groups, TimeSpan? claimLease = null, (double From, double To)? moments = null)
    : CrashRunFixture(signal, stops, groups, ReminderCount)
{
    public const int ReminderCount = 40;

    private readonly Lock gate = new();
    private Task? run;

    /// <summary>Nothing yet: the run needs the collection's server.</summary>
    public override Task InitializeAsync() => Task.CompletedTask;

    /// <summary>
    /// Runs the crash run once, on a new database of <paramref name="postgres"/> (later calls wait for the same run), and
    /// writes the server and the run's lines to <paramref name="output"/>.
    /// </summary>
    public async Task<CrashTally> TallyAsync(PostgresFixture postgres, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(postgres);
        ArgumentNullException.ThrowIfNull(output);
        await RunOnAsync(postgres);
        output.WriteLine(postgres.Description);
        foreach (var line in Lines)
        {
            output.WriteLine(line);
        }

        return Tally;
    }

    private Task RunOnAsync(PostgresFixture postgres)
    {
        lock (gate)
        {
            return run ??= RunOnceAsync();
        }

        async Task RunOnceAsync()
        {
            var database = await postgres.CreateDatabaseAsync(CancellationToken.None);
            var settings = claimLease is { } lease ? CrashRun.LeaseSettings(lease) : [];
            await RunAsync(CrashStorage.Postgres(database.ConnectionString), instances: 2, settings, moments ?? (0, 2));
        }
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Pairing;
using NetworkBot.Core.Scheduling;
using NetworkBot.Core.Storage;
using NetworkBot.Core.Tests.Commands;
using NetworkBot.Core.Tests.Races;
using NetworkBot.Discord.Tests.Rest;

namespace NetworkBot.Core.Tests.Scheduling;

/// <summary>
/// The schedulers under supervision: one community's failure (an unreadable row, a failing call) is logged once and
/// backed off while the other communities' rounds still happen in the same tick; a store unreachable for longer than
/// the bound ends the tick with <see cref="StoreUnavailableException"/> and one critical line.
/// </summary>
public sealed class StepSupervisionTests : IAsyncLifetime
{
    // Harness time starts Friday 2026-11-20 09:00 UTC. Rounds: Mondays 10:00 Asia/Tokyo = 01:00 UTC.
    private static readonly DateTimeOffset FirstRound = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
    private static readonly CommunityId Failing = new("shell:failing");
    private static readonly CommunityId Healthy = new("shell:healthy");

    private readonly StoreGate gate = new();
    private readonly RecordingLoggerProvider logs = new();
    private CommandHarness harness = null!;

    private static CancellationToken Ct => CancellationToken.None;

    public async Task InitializeAsync()
    {
        harness = await CommandHarness.StartAsync(services =>
        {
            gate.Decorate(services);
            services.AddLogging(logging => logging.AddProvider(logs));
        });
        await ScheduleRoundsAsync(Failing);
        await ScheduleRoundsAsync(Healthy);
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private async Task ScheduleRoundsAsync(CommunityId community)
    {
        var store = harness.Store;
        await store.SaveCommunityAsync(new Community(community, community.Value, CommunitySettings.Default with { TimeZone = "Asia/Tokyo" }, CommandHarness.Start), Ct);
        foreach (var id in new[] { "aiko", "ben", "chen" })
        {
            await store.SaveMemberAsync(new Member(community, new MemberId(id), id, Profile.Empty, new CoffeeEnrollment(true, null, false), CommandHarness.Start), Ct);
        }

        var mondays = new Recurrence(CadenceKind.Weekly, 1, 0, DayOfWeek.Monday, new TimeOnly(10, 0), "Asia/Tokyo", new DateOnly(2026, 11, 20));
        await store.SaveScheduleAsync(new CoffeeSchedule(community, mondays, 2, PairingMode.Random, 12, null, Active: true) { LastRoundFor = CommandHarness.Start }, [], Ct);
    }

    private async Task<int> RoundsAsync(CommunityId community) => (await harness.Store.ListRoundsAsync(community, 10, Ct)).Count;

    private IReadOnlyList<string> Logged(string text) => [.. logs.Lines.Where(l => l.Contains(text, StringComparison.Ordinal))];

    [Fact]
    public async Task A_community_whose_step_throws_is_backed_off_while_the_others_round_still_happens_in_the_same_tick()
    {
        var broken = true;
        gate.Fault = (_, args) => broken && args.Contains(Failing) ? new InvalidOperationException("unreadable row") : null;
        harness.Clock.SetUtcNow(FirstRound.AddMinutes(1));

        await harness.TickAsync();
        harness.Clock.Advance(TimeSpan.FromSeconds(30));
        await harness.TickAsync();

        Assert.Equal((0, 1), (await RoundsAsync(Failing), await RoundsAsync(Healthy)));
        var failed = Assert.Single(Logged("failed with InvalidOperationException"));
        Assert.Contains($"coffee rounds of {Failing}", failed, StringComparison.Ordinal);
        Assert.DoesNotContain("unreadable row", failed, StringComparison.Ordinal);

        // Mended, but still backed off until the first back-off is over; then it runs, and says it works again.
        broken = false;
        await harness.TickAsync();
        Assert.Equal(0, await RoundsAsync(Failing));
        harness.Clock.Advance(StepSupervisor.FirstBackoff);
        await harness.TickAsync();

        Assert.Equal((1, 1), (await RoundsAsync(Failing), await RoundsAsync(Healthy)));
        Assert.Single(Logged($"coffee rounds of {Failing} works again"));
    }

    [Fact]
    public async Task A_failure_repeated_at_every_retry_is_logged_once_and_never_stops_the_ticks()
    {
        gate.Fault = (_, args) => args.Contains(Failing) ? new InvalidOperationException("unreadable row") : null;
        harness.Clock.SetUtcNow(FirstRound.AddMinutes(1));

        for (var tick = 0; tick < 12; tick++)
        {
            await harness.TickAsync();
            harness.Clock.Advance(StepSupervisor.MaxBackoff);
        }

        Assert.Contains("tried again in 00:01:00", Assert.Single(Logged($"coffee rounds of {Failing} failed")), StringComparison.Ordinal);
        Assert.Equal((0, 1), (await RoundsAsync(Failing), await RoundsAsync(Healthy)));
    }

    [Fact]
    public async Task A_store_unreachable_past_the_bound_ends_the_tick_with_StoreUnavailableException_and_one_critical_line()
    {
        gate.Fault = (_, _) => new SqliteException("unable to open database file", 14);
        harness.Clock.SetUtcNow(FirstRound.AddMinutes(1));
        var started = harness.Clock.GetUtcNow();

        StoreUnavailableException? stopped = null;
        while (stopped is null && harness.Clock.GetUtcNow() - started < TimeSpan.FromMinutes(30))
        {
            stopped = await Record.ExceptionAsync(() => harness.Get<RoundScheduler>().TickAsync(Ct)) as StoreUnavailableException;
            harness.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.NotNull(stopped);
        Assert.InRange(harness.Clock.GetUtcNow() - started, StepSupervisor.StoreOutageLimit, StepSupervisor.StoreOutageLimit * 2);
        Assert.Single(logs.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal) && l.Contains("the store could not be reached", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_store_failing_for_a_while_but_answering_again_before_the_bound_stops_nothing()
    {
        var down = true;
        gate.Fault = (_, _) => down ? new SqliteException("database is locked", 5) : null;
        harness.Clock.SetUtcNow(FirstRound.AddMinutes(1));

        for (var minute = 0; minute < 4; minute++)
        {
            await harness.TickAsync();
            harness.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        down = false;
        harness.Clock.Advance(StepSupervisor.MaxBackoff);
        await harness.TickAsync();

        Assert.Equal((1, 1), (await RoundsAsync(Failing), await RoundsAsync(Healthy)));
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal));
    }
}

using Microsoft.Extensions.DependencyInjection;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Texts;
using NetworkBot.Core.Tests.Commands;

namespace NetworkBot.Core.Tests.Races;

/// <summary>
/// Every race of issue 13's "lost updates", forced deterministically: the scheduler (or a member) is paused between
/// its read and its write while someone else acts, then let go. The write derived from the stale read is refused, and
/// the step decides again on fresh data — so what the other one did is never undone.
/// </summary>
public sealed class LostUpdateTests : CommandTestBase
{
    // Harness time starts Friday 2026-11-20 09:00 UTC. Rounds: Mondays 10:00 Asia/Tokyo = 01:00 UTC.
    private static readonly DateTimeOffset FirstRound = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    private readonly StoreGate gate = new();

    private static CancellationToken Ct => CancellationToken.None;

    protected override void ConfigureServices(IServiceCollection services) => gate.Decorate(services);

    private async Task ScheduleRoundsAsync(params string[] joined)
    {
        await Harness.TypeAsync("mana", "/admin setup timezone:Asia/Tokyo");
        await Harness.AddMemberAsync("chen", "Chen Wei");
        foreach (var member in joined)
        {
            await Harness.TypeAsync(member, "/coffee join");
        }

        Assert.False((await Harness.TypeAsync("mana", "/admin coffee schedule weekday:mon time:10:00")).IsError);
    }

    /// <summary>Ticks with the next call of <paramref name="method"/> paused after its read, runs <paramref name="meanwhile"/>, then lets the tick finish.</summary>
    private async Task<T> TickWhileAsync<T>(string method, Func<Task<T>> meanwhile)
    {
        gate.PauseNext(method);
        var tick = Harness.TickAsync();
        await gate.Reached;
        var result = await meanwhile();
        gate.Release();
        await tick;
        return result;
    }

    [Fact]
    public async Task A_coffee_cancel_between_the_schedulers_read_and_write_stays_cancelled_and_no_round_runs()
    {
        await ScheduleRoundsAsync("mana", "aiko", "ben");
        Harness.Clock.SetUtcNow(FirstRound.AddMinutes(1));

        var cancelled = await TickWhileAsync(nameof(ICoffeeStore.GetScheduleAsync), () => Harness.TypeAsync("mana", "/admin coffee cancel"));

        Assert.False(cancelled.IsError, cancelled.Text);
        Assert.False((await Harness.Store.GetScheduleAsync(CommandHarness.Community, Ct))!.Active);
        Assert.Empty(await Harness.Store.ListRoundsAsync(CommandHarness.Community, 10, Ct));
        Assert.Empty(Harness.Platform.Keyed("round:"));
        Assert.Equal(0, await Harness.TickAsync());
    }

    [Fact]
    public async Task A_coffee_pause_while_the_round_is_being_grouped_stays_paused_and_out_of_the_round()
    {
        await ScheduleRoundsAsync("mana", "aiko", "ben", "chen");
        Harness.Clock.SetUtcNow(FirstRound.AddMinutes(1));

        var paused = await TickWhileAsync(nameof(IMemberStore.ListMembersAsync), () => Harness.TypeAsync("aiko", "/coffee pause 2027-01-10"));

        Assert.False(paused.IsError, paused.Text);
        Assert.Equal(new DateOnly(2027, 1, 10), (await Harness.MemberAsync("aiko")).Coffee.PausedUntil);
        var round = Assert.Single(await Harness.Store.ListRoundsAsync(CommandHarness.Community, 10, Ct));
        Assert.Equal(["ben", "chen", "mana"], round.Groups.SelectMany(g => g.Members).Select(m => m.Value).Order());
    }

    [Fact]
    public async Task A_coffee_pause_while_the_round_closes_is_not_undone()
    {
        await ScheduleRoundsAsync("mana", "aiko", "ben", "chen");
        Harness.Clock.SetUtcNow(FirstRound.AddMinutes(1));
        Assert.Equal(1, await Harness.TickAsync());
        Harness.Clock.SetUtcNow(FirstRound.AddDays(7).AddMinutes(-1));
        var round = Assert.Single(await Harness.Store.ListRoundsAsync(CommandHarness.Community, 10, Ct));

        // The close is the round's first step past its end: the pause lands between its read of the members and its write.
        Harness.Clock.SetUtcNow(FirstRound.AddDays(7).AddMinutes(1));
        var paused = await TickWhileAsync(nameof(IMemberStore.ListMembersAsync), () => Harness.TypeAsync("aiko", "/coffee pause 2027-01-10"));

        Assert.False(paused.IsError, paused.Text);
        var aiko = await Harness.MemberAsync("aiko");
        Assert.Equal(new DateOnly(2027, 1, 10), aiko.Coffee.PausedUntil);
        Assert.Equal(1, aiko.Coffee.MissedRounds);
        Assert.NotNull((await Harness.Store.GetRoundAsync(CommandHarness.Community, round.Round.Id, Ct))!.Round.ClosedAt);
    }

    [Fact]
    public async Task Two_answers_at_once_in_one_group_leave_the_outcome_both_answers_give()
    {
        await ScheduleRoundsAsync("mana", "aiko");
        Harness.Clock.SetUtcNow(FirstRound.AddMinutes(1));
        await Harness.TickAsync();
        var group = Assert.Single(Assert.Single(await Harness.Store.ListRoundsAsync(CommandHarness.Community, 10, Ct)).Groups);
        Task<Replies.Reply> Answer(string member, string answer) =>
            Harness.InvokeAsync(member, "coffee met", (CoffeeOptions.Group.Name, group.Id.Value), (CoffeeOptions.Answer.Name, answer));

        // Aiko's "did not meet" has read the group's answers (none) when Mana's "met" is stored.
        gate.PauseNext(nameof(ICoffeeStore.ListAnswersAsync));
        var didNotMeet = Answer("aiko", "no");
        await gate.Reached;
        var met = await Answer("mana", "yes");
        gate.Release();

        Assert.False(met.IsError, met.Text);
        Assert.False((await didNotMeet).IsError);
        var stored = (await Harness.Store.FindGroupAsync(CommandHarness.Community, group.Id, Ct))!.Groups.Single();
        Assert.Equal(MeetingOutcome.Met, stored.Outcome);
        Assert.Equal(
            [("aiko", MeetingOutcome.DidNotMeet), ("mana", MeetingOutcome.Met)],
            (await Harness.Store.ListAnswersAsync(CommandHarness.Community, group.Round, Ct)).Select(a => (a.Member.Value, a.Answer)).Order());
    }

    private async Task<Event> CreateEventAsync(string extra = "")
    {
        await Harness.TypeAsync("mana", "/admin setup timezone:Asia/Tokyo announcement-channel:news");
        Assert.False((await Harness.TypeAsync("mana", $"/admin events create title:Meetup date:2026-12-03 time:19:00 {extra}")).IsError);
        var ev = Assert.Single(await Harness.Store.ListEventsAsync(CommandHarness.Community, includeCancelled: true, Ct));
        Assert.False((await Harness.InvokeAsync("aiko", "events rsvp", ("event", ev.Id.Value), ("status", "going"))).IsError);
        return ev;
    }

    [Fact]
    public async Task An_edit_while_the_occurrence_closes_is_kept_and_the_occurrence_still_closes()
    {
        var ev = await CreateEventAsync();
        Harness.Clock.SetUtcNow(ev.End.AddMinutes(1));

        var edited = await TickWhileAsync(nameof(IEventStore.ListEventsAsync), () => Harness.TypeAsync("mana", $"/admin events edit {ev.Id} title:\"Rust night\""));

        Assert.False(edited.IsError, edited.Text);
        var stored = (await Harness.Store.GetEventAsync(CommandHarness.Community, ev.Id, Ct))!;
        Assert.Equal(("Rust night", true), (stored.Title, stored.Finished));
        Assert.Single(Harness.Platform.Keyed($"{EventNotices.Occurrence(ev)}:follow-up"));
    }

    [Fact]
    public async Task An_edit_that_read_the_event_before_its_occurrence_closed_is_refused_and_does_not_rewind_it()
    {
        var ev = await CreateEventAsync("repeat:weekly");
        Harness.Clock.SetUtcNow(ev.End.AddMinutes(1));

        gate.PauseNext(nameof(IEventStore.GetEventAsync));
        var edit = Harness.TypeAsync("mana", $"/admin events edit {ev.Id} title:\"Rust night\"");
        await gate.Reached;
        await Harness.TickAsync();
        gate.Release();

        Assert.Equal(Messages.ChangedMeanwhile.En, (await edit).Text);
        var stored = (await Harness.Store.GetEventAsync(CommandHarness.Community, ev.Id, Ct))!;
        Assert.Equal(("Meetup", ev.Start.AddDays(7)), (stored.Title, stored.Start));
    }

    [Fact]
    public async Task An_event_cancelled_between_the_reminder_steps_read_and_write_sends_no_reminder()
    {
        var ev = await CreateEventAsync();
        Harness.Clock.SetUtcNow(ev.Start.AddHours(-23));

        var cancelled = await TickWhileAsync(nameof(IEventStore.ListEventsAsync), () => Harness.TypeAsync("mana", $"/admin events cancel {ev.Id}"));

        Assert.False(cancelled.IsError, cancelled.Text);
        Assert.True((await Harness.Store.GetEventAsync(CommandHarness.Community, ev.Id, Ct))!.Cancelled);
        Assert.DoesNotContain(Harness.Platform.Delivered, m => m.Key.Contains(":remind:", StringComparison.Ordinal));
        Assert.Single(Harness.Platform.Keyed($"event:{ev.Id}:cancelled"), m => m.Target.Kind == Core.Outbox.MessageTargetKind.Member);
    }
}

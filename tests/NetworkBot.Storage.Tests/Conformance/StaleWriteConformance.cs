using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Storage;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Conformance;

/// <summary>
/// The store's half of issue 13's lost updates (the Core race tests force them through the handlers): a round write
/// derived from a read that another write has since moved on is refused with <see cref="StaleWriteException"/> and
/// stores and enqueues nothing, so the caller can read afresh and decide again.
/// </summary>
public abstract class StaleWriteConformance<TProvider> : StoreConformance<TProvider>
    where TProvider : StoreProvider, new()
{
    [SkippableFact]
    public async Task A_round_grouped_from_a_member_who_changed_since_is_refused_and_stores_nothing()
    {
        var read = Member(Tokyo, "u1", coffee: new CoffeeEnrollment(true, null, true));
        await Store.SaveMemberAsync(read, Ct);
        await Store.SaveMemberAsync(read with { Coffee = read.Coffee with { PausedUntil = new DateOnly(2025, 6, 1) } }, Ct);

        await Assert.ThrowsAsync<StaleWriteException>(() => Store.SaveRoundAsync(
            Round(Tokyo, T0, ["u1", "u2"]), new([read], null), [Message(Tokyo, "round/announce", T0)], Ct));

        Assert.Equal(0L, await UnderTest.CountRowsAsync(StoreTable.Rounds));
        Assert.Equal(0L, await UnderTest.CountRowsAsync(StoreTable.Outbox));
        var stored = (await Store.GetMemberAsync(Tokyo, Id("u1"), Ct))!;
        Assert.Equal(new DateOnly(2025, 6, 1), stored.Coffee.PausedUntil);
        Assert.True(stored.Coffee.SkipNext);
    }

    [SkippableFact]
    public async Task A_scheduled_round_worked_out_from_a_schedule_that_changed_since_is_refused_and_stores_nothing()
    {
        await Store.SaveScheduleAsync(Schedule(Tokyo), [], Ct);
        var read = (await Store.GetScheduleAsync(Tokyo, Ct))!;
        await Store.SaveScheduleAsync(read with { Active = false }, [], Ct);

        await Assert.ThrowsAsync<StaleWriteException>(() => Store.SaveRoundAsync(
            Round(Tokyo, T0, ["u1", "u2"]), new([], read with { LastRoundFor = T0 }), [Message(Tokyo, "round/announce", T0)], Ct));

        Assert.Equal(0L, await UnderTest.CountRowsAsync(StoreTable.Rounds));
        Assert.Equal(0L, await UnderTest.CountRowsAsync(StoreTable.Outbox));
        var stored = (await Store.GetScheduleAsync(Tokyo, Ct))!;
        Assert.False(stored.Active);
        Assert.Null(stored.LastRoundFor);
    }

    [SkippableFact]
    public async Task A_round_update_from_a_copy_read_before_another_update_is_refused_and_enqueues_nothing()
    {
        var round = await SaveRoundNudgedSinceItWasReadAsync();

        await Assert.ThrowsAsync<StaleWriteException>(() => Store.UpdateRoundAsync(
            round.Round with { CheckInAt = T0.AddDays(5) }, [Message(Tokyo, "round/check-in", T0)], Ct));

        var stored = (await Store.GetRoundAsync(Tokyo, round.Round.Id, Ct))!.Round;
        Assert.Equal(round.Round with { NudgedAt = T0.AddDays(3), Version = 1 }, stored);
        Assert.Equal(0L, await UnderTest.CountRowsAsync(StoreTable.Outbox));
    }

    [SkippableFact]
    public async Task An_answer_worked_out_before_another_answer_of_the_group_is_refused_and_the_first_answer_stays()
    {
        var round = Open(Round(Tokyo, T0, ["u1", "u2"]));
        await Store.SaveRoundAsync(round, new([], null), [], Ct);
        await Store.RecordAnswerAsync(Tokyo, Answer(round, 0, "u1", MeetingOutcome.Met, T0), MeetingOutcome.Met, 0, [], Ct);

        await Assert.ThrowsAsync<StaleWriteException>(() => Store.RecordAnswerAsync(
            Tokyo, Answer(round, 0, "u2", MeetingOutcome.DidNotMeet, T0.AddMinutes(1)), MeetingOutcome.DidNotMeet, 0, [], Ct));

        Assert.Equal(MeetingOutcome.Met, (await Store.FindGroupAsync(Tokyo, round.Groups[0].Id, Ct))!.Groups.Single().Outcome);
        Assert.Equal([Id("u1")], (await Store.ListAnswersAsync(Tokyo, round.Round.Id, Ct)).Select(a => a.Member));
    }

    [SkippableFact]
    public async Task A_close_with_a_member_who_changed_since_is_refused_and_the_round_stays_open()
    {
        var round = Open(Round(Tokyo, T0, ["u1", "u2"]));
        await Store.SaveRoundAsync(round, new([], null), [], Ct);
        var read = Member(Tokyo, "u1");
        await Store.SaveMemberAsync(read, Ct);
        await Store.SaveMemberAsync(read with { Coffee = read.Coffee with { PausedUntil = new DateOnly(2025, 6, 1) } }, Ct);

        await Assert.ThrowsAsync<StaleWriteException>(() => Store.CloseRoundAsync(
            round.Round with { ClosedAt = T0.AddDays(7) },
            [read with { Coffee = read.Coffee with { MissedRounds = 1 } }],
            [Message(Tokyo, "round/summary", T0.AddDays(7))],
            Ct));

        Assert.Equal([round.Round.Id], (await Store.ListOpenRoundsAsync(Tokyo, Ct)).Select(r => r.Round.Id));
        var stored = (await Store.GetMemberAsync(Tokyo, Id("u1"), Ct))!.Coffee;
        Assert.Equal((new DateOnly(2025, 6, 1), 0), (stored.PausedUntil, stored.MissedRounds));
        Assert.Equal(0L, await UnderTest.CountRowsAsync(StoreTable.Outbox));
    }

    [SkippableFact]
    public async Task A_close_from_a_copy_of_the_round_read_before_an_update_is_refused()
    {
        var round = await SaveRoundNudgedSinceItWasReadAsync();

        await Assert.ThrowsAsync<StaleWriteException>(() => Store.CloseRoundAsync(
            round.Round with { ClosedAt = T0.AddDays(7) }, [], [Message(Tokyo, "round/summary", T0.AddDays(7))], Ct));

        Assert.Null((await Store.GetRoundAsync(Tokyo, round.Round.Id, Ct))!.Round.ClosedAt);
        Assert.Equal(0L, await UnderTest.CountRowsAsync(StoreTable.Outbox));
    }

    /// <summary>An open round as it was read (version 0), stored since with its nudge (version 1).</summary>
    private async Task<RoundRecord> SaveRoundNudgedSinceItWasReadAsync()
    {
        var round = Open(Round(Tokyo, T0, ["u1", "u2"]));
        await Store.SaveRoundAsync(round, new([], null), [], Ct);
        await Store.UpdateRoundAsync(round.Round with { NudgedAt = T0.AddDays(3) }, [], Ct);
        return round;
    }
}

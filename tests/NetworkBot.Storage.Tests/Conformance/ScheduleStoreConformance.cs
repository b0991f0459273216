using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Pairing;
using NetworkBot.Core.Storage;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Conformance;

public abstract class ScheduleStoreConformance<TProvider> : StoreConformance<TProvider>
    where TProvider : StoreProvider, new()
{
    [SkippableFact]
    public async Task Community_without_a_schedule_reads_as_null()
    {
        Assert.Null(await Store.GetScheduleAsync(Tokyo, Ct));
    }

    [SkippableFact]
    public async Task Schedule_with_every_field_set_round_trips_exactly()
    {
        var schedule = new CoffeeSchedule(
            Tokyo,
            new Recurrence(CadenceKind.MonthlyNthWeekday, 1, -1, DayOfWeek.Friday, new TimeOnly(18, 45, 30, 123, 456), "Asia/Tokyo", new DateOnly(2025, 12, 31)),
            3,
            PairingMode.SharedInterest,
            6,
            "コーヒー",
            true)
        {
            NoticeSentFor = T0,
            LastRoundFor = T0.AddDays(-28),
        };

        await Store.SaveScheduleAsync(schedule, [], Ct);

        var read = await Store.GetScheduleAsync(Tokyo, Ct);
        Assert.Equivalent(schedule, read, strict: true);
        Assert.Equal(schedule.Recurrence.Time.Ticks, read!.Recurrence.Time.Ticks);
        Assert.Equal(T0.UtcTicks, read.NoticeSentFor!.Value.UtcTicks);
    }

    [SkippableFact]
    public async Task Saving_again_replaces_the_schedule_and_can_clear_the_handled_occurrences()
    {
        await Store.SaveScheduleAsync(Schedule(Tokyo) with { NoticeSentFor = T0, LastRoundFor = T0 }, [], Ct);
        var saved = Schedule(Tokyo, active: false);
        var cancelled = saved with { Recurrence = saved.Recurrence with { Weekday = DayOfWeek.Sunday, Time = new TimeOnly(7, 5) }, Channel = null };

        await Store.SaveScheduleAsync(cancelled, [], Ct);

        Assert.Equivalent(cancelled with { Version = 1 }, await Store.GetScheduleAsync(Tokyo, Ct), strict: true);
        Assert.Equal(1L, await UnderTest.CountRowsAsync(StoreTable.CoffeeSchedules));
    }

    [SkippableFact]
    public async Task A_save_from_a_copy_read_before_another_save_is_refused_and_enqueues_nothing()
    {
        await Store.SaveScheduleAsync(Schedule(Tokyo), [], Ct);
        var read = (await Store.GetScheduleAsync(Tokyo, Ct))!;
        await Store.SaveScheduleAsync(read with { Active = false }, [], Ct);

        await Assert.ThrowsAsync<StaleWriteException>(() => Store.SaveScheduleAsync(read with { LastRoundFor = T0 }, [Message(Tokyo, "round", T0)], Ct));

        Assert.False((await Store.GetScheduleAsync(Tokyo, Ct))!.Active);
        Assert.Empty(await Store.ListDueOutboxAsync(T0, 10, Ct));
    }

    [SkippableFact]
    public async Task The_work_list_spans_communities_with_an_active_schedule_and_leaves_out_cancelled_ones()
    {
        var shell = CommunityId.For("shell", "local");
        await Store.SaveScheduleAsync(Schedule(Osaka), [], Ct);
        await Store.SaveScheduleAsync(Schedule(shell, active: false), [], Ct);
        await Store.SaveScheduleAsync(Schedule(Tokyo), [], Ct);

        Assert.Equal([Tokyo, Osaka], await Store.ListCoffeeCommunitiesAsync(Ct));
        Assert.Equivalent(Schedule(Osaka), await Store.GetScheduleAsync(Osaka, Ct), strict: true);
    }

    [SkippableFact]
    public async Task Saving_a_schedule_enqueues_its_messages()
    {
        await Store.SaveScheduleAsync(Schedule(Tokyo), [Message(Tokyo, "schedule/announce", T0)], Ct);

        Assert.Equal(["schedule/announce"], (await Store.ListDueOutboxAsync(T0, 10, Ct)).Select(m => m.Key));
    }

    [SkippableFact]
    public async Task Schedule_whose_messages_cannot_be_enqueued_is_not_saved()
    {
        await Store.SaveScheduleAsync(Schedule(Tokyo), [], Ct);
        await UnderTest.FailInsertsIntoAsync(StoreTable.Outbox);

        await AssertIntegrityViolationAsync(
            () => Store.SaveScheduleAsync(Schedule(Tokyo, active: false), [Message(Tokyo, "schedule/cancelled", T0)], Ct));

        Assert.True((await Store.GetScheduleAsync(Tokyo, Ct))!.Active);
    }
}

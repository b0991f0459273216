using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Tests.Conformance;
using NetworkBot.Tests.Postgres;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Postgres;

/// <summary>
/// Where SQLite's single writer made a read-then-write safe for free, several PostgreSQL connections (as several
/// instances, each its own pool) writing at once still get one consistent answer.
/// </summary>
public sealed class PostgresConcurrencyTests : IAsyncLifetime
{
    private const int Writers = 8;

    private static readonly CancellationToken Ct = CancellationToken.None;

    private IStoreUnderTest underTest = null!;

    /// <summary>One store per writer, each over a pool of its own, as separate instances would be.</summary>
    private IStore[] stores = [];

    public async Task InitializeAsync()
    {
        underTest = await new PostgresProvider().CreateAsync(Ct);
        stores = [.. Enumerable.Range(0, Writers).Select(_ => underTest.OpenAgain())];
    }

    public Task DisposeAsync() => underTest.DisposeAsync().AsTask();

    [PostgresFact]
    public async Task Members_pressing_going_for_the_last_place_at_once_get_it_once_and_queue_in_distinct_places()
    {
        var ev = new Event(Tokyo, new EventId("ev1"), "Meetup", null, T0.AddDays(10), TimeSpan.FromHours(1), "Asia/Tokyo", null, 1, Cancelled: false);
        await underTest.Store.SaveEventAsync(ev, [], _ => [], Ct);

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(() =>
            stores[i].RespondAsync(Tokyo, ev.Id, Id($"u{i}"), RsvpStatus.Going, T0, _ => [], Ct))));

        var rsvps = await underTest.Store.ListRsvpsAsync(Tokyo, ev.Id, Ct);
        Assert.Single(rsvps, r => r.Status == RsvpStatus.Going);
        var waiting = rsvps.Where(r => r.Status == RsvpStatus.Waitlisted).Select(r => r.WaitlistPosition).ToList();
        Assert.Equal(Enumerable.Range(1, Writers - 1).Select(p => (long?)p), waiting.Order());
    }

    [PostgresFact]
    public async Task Two_members_wishing_to_connect_with_each_other_at_once_are_connected()
    {
        var ev = new Event(Tokyo, new EventId("ev1"), "Meetup", null, T0, TimeSpan.FromHours(1), "Asia/Tokyo", null, null, Cancelled: false);
        await underTest.Store.SaveEventAsync(ev, [], _ => [], Ct);

        var pressed = await Task.WhenAll(
            Task.Run(() => stores[0].WishConnectionAsync(Tokyo, ev.Id, Id("u1"), Id("u2"), T0, Ct)),
            Task.Run(() => stores[1].WishConnectionAsync(Tokyo, ev.Id, Id("u2"), Id("u1"), T0, Ct)));

        Assert.Single(pressed, connected => connected);
        Assert.Single(await underTest.Store.ListConnectionsAsync(Tokyo, Id("u1"), Ct));
    }

    [PostgresFact]
    public async Task Writes_derived_from_the_same_version_at_once_store_one_and_refuse_the_rest()
    {
        await underTest.Store.SaveScheduleAsync(Schedule(Tokyo), [], Ct);
        var read = (await underTest.Store.GetScheduleAsync(Tokyo, Ct))!;

        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            try
            {
                await stores[i].SaveScheduleAsync(read with { GroupSize = 3 }, [], Ct);
                return true;
            }
            catch (StaleWriteException)
            {
                return false;
            }
        })));

        Assert.Single(results, saved => saved);
        Assert.Equal(read.Version + 1, (await underTest.Store.GetScheduleAsync(Tokyo, Ct))!.Version);
    }
}

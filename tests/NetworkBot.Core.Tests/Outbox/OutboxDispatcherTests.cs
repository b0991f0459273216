using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Platform;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Telemetry;
using NetworkBot.Storage;
using NetworkBot.Storage.Sqlite;
using NetworkBot.Tests;

namespace NetworkBot.Core.Tests.Outbox;

public sealed class OutboxDispatcherTests : IAsyncLifetime
{
    private static readonly CommunityId Busy = CommunityId.For(GatedPlatform.Name, "busy");
    private static readonly CommunityId Quiet = CommunityId.For(GatedPlatform.Name, "quiet");
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    private readonly TempDatabase database = new();
    private readonly TimerCountingTimeProvider clock = new();
    private readonly GatedPlatform platform = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly TestMeterFactory meters = new();
    private SqliteStore sqlite = null!;
    private SignallingOutboxStore store = null!;

    public async Task InitializeAsync()
    {
        var storage = Options.Create(new StorageOptions { ConnectionString = database.ConnectionString });
        await new SqliteMigrator(storage, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);
        sqlite = new SqliteStore(storage);
        store = new SignallingOutboxStore(sqlite);
    }

    public Task DisposeAsync()
    {
        stopping.Dispose();
        meters.Dispose();
        database.Dispose();
        return Task.CompletedTask;
    }

    private OutboxDispatcher NewDispatcher() =>
        new(
            store,
            [platform],
            new InterestSpaceSync(sqlite, sqlite, sqlite, sqlite, [], clock),
            new PlatformEventSync(sqlite, sqlite, sqlite, sqlite, [], clock),
            new BotMetrics(meters),
            clock,
            NullLogger<OutboxDispatcher>.Instance);

    private Task<Dictionary<string, long>> EnqueueAsync(params (CommunityId Community, string Key)[] messages) =>
        EnqueueAsync([.. messages.Select(m => (m.Community, m.Key, MessageTarget.ToChannel("c")))]);

    /// <summary>Enqueues the messages, oldest first, and returns their ids by key.</summary>
    private async Task<Dictionary<string, long>> EnqueueAsync(params (CommunityId Community, string Key, MessageTarget Target)[] messages)
    {
        var now = clock.GetUtcNow();
        await store.EnqueueAsync(
            [.. messages.Select((m, i) => OutboxMessage.Create(m.Community, m.Key, m.Target, new Reply(m.Key), now.AddSeconds(i - messages.Length)))],
            CancellationToken.None);
        var due = await store.ListDueOutboxAsync(DateTimeOffset.MaxValue, int.MaxValue, CancellationToken.None);
        return due.ToDictionary(m => m.Key, m => m.Id, StringComparer.Ordinal);
    }

    private async Task<IReadOnlyList<string>> DueKeysAsync(DateTimeOffset at) =>
        [.. (await store.ListDueOutboxAsync(at, int.MaxValue, CancellationToken.None)).Select(m => m.Key)];

    [Fact]
    public async Task A_community_whose_deliveries_are_stuck_does_not_delay_another_communitys_message()
    {
        var ids = await EnqueueAsync([.. Enumerable.Range(1, 5).Select(n => (Busy, $"busy-{n}")), (Quiet, "quiet-1")]);
        foreach (var n in Enumerable.Range(1, 5))
        {
            platform.Hold($"busy-{n}");
        }

        var run = NewDispatcher().RunAsync(Poll, Grace, OutboxDispatcher.DefaultClaimLease, stopping.Token);

        await store.RecordedAsync(ids["quiet-1"]);
        Assert.DoesNotContain("quiet-1", await DueKeysAsync(DateTimeOffset.MaxValue));
        await platform.BeganAsync("busy-1");
        Assert.False(platform.HasBegun("busy-2"));

        foreach (var n in Enumerable.Range(1, 5))
        {
            platform.Release($"busy-{n}", new DeliveryResult.Delivered(null));
        }

        await Task.WhenAll(ids.Values.Select(store.RecordedAsync));
        await stopping.CancelAsync();
        await run;
        Assert.Empty(await DueKeysAsync(DateTimeOffset.MaxValue));
        Assert.Equal(6, platform.Calls.Count);
    }

    [Fact]
    public async Task Messages_to_other_members_go_side_by_side_while_a_members_next_message_waits_for_the_one_before()
    {
        MemberId ada = new("ada"), bob = new("bob"), cy = new("cy"), dee = new("dee");
        var ids = await EnqueueAsync(
            (Busy, "intro-ada-bob", MessageTarget.ToGroup("coffee", [ada, bob])),
            (Busy, "intro-cy-dee", MessageTarget.ToGroup("coffee", [cy, dee])),
            (Busy, "reminder-bob", MessageTarget.ToMember(bob)),
            (Busy, "post-1", MessageTarget.ToChannel("general")),
            (Busy, "post-2", MessageTarget.ToChannel("general")));
        platform.Hold("intro-ada-bob");
        platform.Hold("post-1");

        var run = NewDispatcher().RunAsync(Poll, Grace, OutboxDispatcher.DefaultClaimLease, stopping.Token);

        await platform.BeganAsync("intro-ada-bob");
        await platform.BeganAsync("post-1");
        await store.RecordedAsync(ids["intro-cy-dee"]); // another pair's introduction is not held up by the first
        Assert.False(platform.HasBegun("reminder-bob")); // Bob's reminder waits for his introduction
        Assert.False(platform.HasBegun("post-2")); // and a channel's second post for its first

        platform.Release("intro-ada-bob", new DeliveryResult.Delivered(null));
        await store.RecordedAsync(ids["reminder-bob"]);
        Assert.False(platform.HasBegun("post-2"));
        platform.Release("post-1", new DeliveryResult.Delivered(null));
        await store.RecordedAsync(ids["post-2"]);
        await stopping.CancelAsync();
        await run;

        var calls = platform.Calls.ToList();
        Assert.True(calls.IndexOf("intro-ada-bob") < calls.IndexOf("reminder-bob"));
        Assert.True(calls.IndexOf("post-1") < calls.IndexOf("post-2"));
    }

    [Fact]
    public async Task One_community_takes_at_most_its_share_of_deliveries_and_is_claimed_once_not_once_per_delivery()
    {
        var members = Enumerable.Range(1, OutboxDispatcher.MaxInFlightPerCommunity + 10).Select(n => $"member-{n}").ToList();
        var ids = await EnqueueAsync([.. members.Select(m => (Busy, m, MessageTarget.ToMember(new MemberId(m)))), (Quiet, "quiet-1", MessageTarget.ToChannel("c"))]);
        members.ForEach(platform.Hold);

        var run = NewDispatcher().RunAsync(Poll, Grace, OutboxDispatcher.DefaultClaimLease, stopping.Token);

        await Task.WhenAll(members.Take(OutboxDispatcher.MaxInFlightPerCommunity).Select(platform.BeganAsync));
        await store.RecordedAsync(ids["quiet-1"]);
        Assert.False(platform.HasBegun(members[OutboxDispatcher.MaxInFlightPerCommunity]));

        members.ForEach(m => platform.Release(m, new DeliveryResult.Delivered(null)));
        await Task.WhenAll(ids.Values.Select(store.RecordedAsync));
        await stopping.CancelAsync();
        await run;

        Assert.Equal(members.Count + 1, platform.Calls.Count);
        Assert.Equal(1, store.Claims); // the poll never ticked: every freed slot started a message claimed at first
    }

    [Fact]
    public async Task Two_dispatchers_sharing_a_store_deliver_each_message_once_in_its_communitys_order()
    {
        await EnqueueAsync([.. Enumerable.Range(1, 10).Select(n => (n % 2 == 0 ? Busy : Quiet, $"m{n}"))]);

        var delivered = await Task.WhenAll(NewDispatcher().DeliverDueAsync(CancellationToken.None), NewDispatcher().DeliverDueAsync(CancellationToken.None));

        Assert.Equal(10, delivered.Sum());
        Assert.Equal(10, platform.Calls.Count);
        Assert.Equal(["m2", "m4", "m6", "m8", "m10"], platform.Calls.Where(k => int.Parse(k[1..], CultureInfo.InvariantCulture) % 2 == 0));
        Assert.Equal(["m1", "m3", "m5", "m7", "m9"], platform.Calls.Where(k => int.Parse(k[1..], CultureInfo.InvariantCulture) % 2 == 1));
    }

    [Fact]
    public async Task A_message_told_to_wait_for_a_long_rate_limit_waits_alone()
    {
        await EnqueueAsync((Busy, "limited"), (Busy, "next"));
        platform.Hold("limited");
        platform.Release("limited", new DeliveryResult.RetryLater(TimeSpan.FromMinutes(20), "rate limited"));

        Assert.Equal(1, await NewDispatcher().DeliverDueAsync(CancellationToken.None));

        Assert.Equal(["limited", "next"], platform.Calls);
        Assert.Equal(["limited"], await DueKeysAsync(clock.GetUtcNow().AddMinutes(20)));
        Assert.Empty(await DueKeysAsync(clock.GetUtcNow().AddMinutes(20).AddTicks(-1)));
    }

    [Fact]
    public async Task Stopping_lets_a_delivery_under_way_finish_and_records_it_so_a_restart_sends_nothing_again()
    {
        var ids = await EnqueueAsync((Busy, "in-flight"), (Quiet, "later"));
        platform.Hold("in-flight");
        platform.Hold("later");
        var run = NewDispatcher().RunAsync(Poll, Grace, OutboxDispatcher.DefaultClaimLease, stopping.Token);
        var token = await platform.BeganAsync("in-flight");
        await platform.BeganAsync("later");
        platform.Release("later", new DeliveryResult.Delivered(null));
        await store.RecordedAsync(ids["later"]);
        await sqlite.EnqueueAsync([OutboxMessage.Create(Quiet, "after-stop", MessageTarget.ToChannel("c"), new Reply("x"), clock.GetUtcNow())], CancellationToken.None);

        await stopping.CancelAsync();
        Assert.False(token.IsCancellationRequested);
        Assert.False(run.IsCompleted);
        platform.Release("in-flight", new DeliveryResult.Delivered("ref"));
        await run;

        Assert.Equal(["after-stop"], await DueKeysAsync(DateTimeOffset.MaxValue));
        Assert.False(platform.HasBegun("after-stop"));
        var restarted = NewDispatcher();
        Assert.Equal(1, await restarted.DeliverDueAsync(CancellationToken.None));
        // The two communities' first deliveries run side by side, so which began first is not fixed.
        Assert.Equal(["in-flight", "later"], platform.Calls.Take(2).Order(StringComparer.Ordinal));
        Assert.Equal(["after-stop"], platform.Calls.Skip(2));
    }

    [Fact]
    public async Task A_delivery_still_under_way_when_the_grace_ends_is_cancelled_and_stays_due()
    {
        await EnqueueAsync((Busy, "slow"));
        platform.Hold("slow");
        var run = NewDispatcher().RunAsync(Poll, Grace, OutboxDispatcher.DefaultClaimLease, stopping.Token);
        var token = await platform.BeganAsync("slow");
        var timers = clock.TimersCreated;

        await stopping.CancelAsync();
        await clock.WaitForTimersAsync(timers + 1);
        clock.Advance(Grace - TimeSpan.FromTicks(1));
        Assert.False(token.IsCancellationRequested);
        clock.Advance(TimeSpan.FromTicks(1));
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(token.IsCancellationRequested);
        Assert.Equal(["slow"], await DueKeysAsync(DateTimeOffset.MaxValue));
    }
}

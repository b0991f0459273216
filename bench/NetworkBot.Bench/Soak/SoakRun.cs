using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NetworkBot.Bench.Storage;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Storage;
using NetworkBot.Storage;
using NetworkBot.Storage.LiteDb;

namespace NetworkBot.Bench.Soak;

/// <summary>
/// A long run of the bot's everyday store calls through the real <see cref="IStore"/> of one embedded provider, as
/// its handlers and workers make them, several at once: member saves (a profile edit), RSVPs to the community's event
/// (going, maybe, not going, with the waitlist notice and the promotion notices in the outbox), outbox messages
/// enqueued, claimed and marked delivered as the dispatcher does, and the reads around them (a member, the answers, the
/// backlog, a community, now and then every member). Every so many calls the process's memory (after a full GC) and
/// the data and log files' sizes are sampled. On LiteDB the bot's own scheduled checkpoint
/// (<see cref="LiteDbCheckpointService"/>) runs beside it, as in <c>run</c>.
/// </summary>
internal sealed class SoakRun(EmbeddedBenchProvider provider, SoakOptions options)
{
    /// <summary>The mix, as (kind, share of the calls in percent), in the order <see cref="CallOnceAsync"/> takes them.</summary>
    public static readonly (string Kind, int Share)[] Kinds =
    [
        ("member save", 20), ("RSVP", 15), ("outbox enqueue", 15), ("outbox claim, then each marked delivered", 10), ("member read", 25),
        ("answer list", 5), ("backlog read", 5), ("community read", 4), ("member list", 1),
    ];

    private readonly ConcurrentDictionary<string, int> failures = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SoakSample> samples = new();
    private readonly Stopwatch clock = new();
    private readonly long[] kindCalls = new long[Kinds.Length];
    private readonly long[] kindTicks = new long[Kinds.Length];
    private IReadOnlyList<BenchCommunity> communities = [];
    private IReadOnlyList<Event> events = [];
    private string dataFile = "";
    private string logFile = "";
    private long done;
    private long keys;

    public async Task<SoakResult> RunAsync(CancellationToken ct)
    {
        var (connectionString, data, log) = provider.CreateFile();
        (dataFile, logFile) = (data, log);
        using var instance = await provider.OpenAsync(connectionString, ct);
        var now = DateTimeOffset.UtcNow;
        communities = [.. Enumerable.Range(0, options.Communities).Select(c => BenchCommunity.Make(100 + c, options.Members, now))];
        events = [.. communities.Select(c => new Event(c.Community.Id, new EventId("soak"), "Soak meetup", null, now.AddDays(7), TimeSpan.FromHours(2), "UTC", "Hall 1", options.Capacity, false) { CreatedAt = now })];
        foreach (var (community, meetup) in communities.Zip(events))
        {
            await community.SaveAsync(instance, ct);
            await instance.Store.SaveEventAsync(meetup, [], _ => [], ct);
        }

        using var checkpoints = provider is LiteDbBenchProvider ? Checkpoints(instance) : null;
        await (checkpoints?.StartAsync(ct) ?? Task.CompletedTask);
        clock.Start();
        Sample();
        using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sampler = SampleEveryAsync(options.Longest / options.Samples, stopSampling.Token);
        await Task.WhenAll(Enumerable.Range(0, options.Callers).Select(caller => Task.Run(() => CallAsync(instance.Store, caller, ct), ct)));
        await stopSampling.CancelAsync();
        await sampler;
        await (checkpoints?.StopAsync(ct) ?? Task.CompletedTask);
        Sample();
        return new SoakResult(
            [.. samples.OrderBy(s => s.Operations).DistinctBy(s => s.Operations)],
            failures,
            [.. Kinds.Select((k, i) => (k.Kind, kindCalls[i], TimeSpan.FromTicks(kindTicks[i] / Math.Max(1, kindCalls[i]))))]);
    }

    /// <summary>The bot's checkpoint service over this store, with the soak's interval.</summary>
    private LiteDbCheckpointService Checkpoints(StoreInstance instance) => new(
        instance.Services.GetRequiredService<LiteDbStore>(),
        Options.Create(new StorageOptions { Provider = StorageOptions.LiteDbProvider, CheckpointInterval = options.CheckpointInterval }),
        TimeProvider.System,
        NullLogger<LiteDbCheckpointService>.Instance);

    private async Task CallAsync(IStore store, int caller, CancellationToken ct)
    {
        var random = new Random(caller + 1);
        var owner = $"soak-{caller}";
        while (Interlocked.Read(ref done) < options.Operations && clock.Elapsed < options.Longest)
        {
            var which = random.Next(communities.Count);
            var community = communities[which];
            var member = community.Members[random.Next(community.Members.Count)];
            var calls = 1;
            var kind = Kind(random.Next(100));
            var started = Stopwatch.GetTimestamp();
            try
            {
                calls = await CallOnceAsync(store, kind, community, events[which], member, owner, ct);
                Interlocked.Increment(ref kindCalls[kind]);
                Interlocked.Add(ref kindTicks[kind], Stopwatch.GetElapsedTime(started).Ticks);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                if (failures.AddOrUpdate($"{exception.GetType().Name}: {exception.Message.Split('\n')[0]}", 1, (_, count) => count + 1) == 1)
                {
                    Console.Error.WriteLine($"soak: {provider.Name}: first failure of its kind: {exception}");
                }
            }

            var after = Interlocked.Add(ref done, calls);
            var every = options.Operations / options.Samples;
            if (after / every > (after - calls) / every)
            {
                Sample();
            }
        }
    }

    /// <summary>The kind of call <paramref name="roll"/> (0–99) picks, by the shares of <see cref="Kinds"/>.</summary>
    private static int Kind(int roll)
    {
        var kind = 0;
        for (var below = Kinds[0].Share; roll >= below; below += Kinds[++kind].Share)
        {
        }

        return kind;
    }

    /// <summary>One of the bot's calls, of <paramref name="kind"/> (an index of <see cref="Kinds"/>); returns the store calls it made.</summary>
    private async Task<int> CallOnceAsync(IStore store, int kind, BenchCommunity community, Event meetup, Member member, string owner, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        switch (kind)
        {
            case 0:
                var edit = Interlocked.Increment(ref keys);
                await store.SaveMemberAsync(member with { Profile = member.Profile with { Pitch = $"{member.Profile.Pitch} Edit {edit}." } }, ct);
                return 1;
            case 1:
                var wanted = (Interlocked.Increment(ref keys) % 3) switch { 0 => RsvpStatus.NotGoing, 1 => RsvpStatus.Maybe, _ => RsvpStatus.Going };
                await store.RespondAsync(community.Community.Id, meetup.Id, member.Id, wanted, now, outcome => Notices(community, meetup, member.Id, outcome, now), ct);
                return 1;
            case 2:
                var key = Interlocked.Increment(ref keys);
                await store.EnqueueAsync(
                    [OutboxMessage.Create(community.Community.Id, $"soak:{key}", MessageTarget.ToMember(member.Id), new Reply($"Soak message {key}: your coffee partner this week is waiting to hear from you."), now)],
                    ct);
                return 1;
            case 3:
                var claimed = await store.ClaimDueOutboxAsync(now, OutboxDispatcher.BatchSize / 10, owner, now + OutboxDispatcher.DefaultClaimLease, ct);
                foreach (var message in claimed)
                {
                    await store.MarkDeliveredAsync(message.Id, "soak", DateTimeOffset.UtcNow, ct);
                }

                return 1 + claimed.Count;
            case 4:
                _ = await store.GetMemberAsync(community.Community.Id, member.Id, ct);
                return 1;
            case 5:
                _ = await store.ListRsvpsAsync(community.Community.Id, meetup.Id, ct);
                return 1;
            case 6:
                _ = await store.GetOutboxBacklogAsync(now, ct);
                return 1;
            case 7:
                _ = await store.GetCommunityAsync(community.Community.Id, ct);
                return 1;
            default:
                _ = await store.ListMembersAsync(community.Community.Id, ct);
                return 1;
        }
    }

    /// <summary>The waitlist notice to a member put on it and the promotion notice to those moved up, as <c>/event rsvp</c> enqueues them.</summary>
    private List<OutboxMessage> Notices(BenchCommunity community, Event meetup, MemberId member, RsvpOutcome outcome, DateTimeOffset now)
    {
        var key = $"{EventNotices.Occurrence(meetup)}:{Interlocked.Increment(ref keys)}";
        var members = community.Members.ToDictionary(m => m.Id);
        var waitlisted = outcome.Status == RsvpStatus.Waitlisted ? [member] : Array.Empty<MemberId>();
        return
        [
            .. EventNotices.ToMembers(community.Community, members, waitlisted, key + ":waitlisted", language => new Reply(EventTexts.EventWaitlisted.Format(language, meetup.Title)), now),
            .. EventNotices.ToMembers(community.Community, members, outcome.Promoted, key + ":promoted", language => new Reply(EventTexts.EventPromoted.Format(language, meetup.Title, TimeToken.Full(meetup.Start))), now),
        ];
    }

    /// <summary>Samples by time too, so a run stopped at <see cref="SoakOptions.Longest"/> still has its samples spread over it.</summary>
    private async Task SampleEveryAsync(TimeSpan interval, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                Sample();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The calls are done.
        }
    }

    private void Sample()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var sample = new SoakSample(Interlocked.Read(ref done), clock.Elapsed, GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64, Size(dataFile), Size(logFile));
        samples.Enqueue(sample);
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"soak: {provider.Name}, {sample.Operations:#,0} calls at {sample.Elapsed.TotalSeconds:0} s: heap {sample.ManagedBytes >> 20} MB, working set {sample.WorkingSetBytes >> 20} MB, data {sample.DataFileBytes >> 20} MB, log {sample.LogFileBytes >> 20} MB"));
    }

    private static long Size(string file) => File.Exists(file) ? new FileInfo(file).Length : 0;
}

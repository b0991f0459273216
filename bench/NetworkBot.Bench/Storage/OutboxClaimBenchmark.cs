using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;

namespace NetworkBot.Bench.Storage;

/// <summary>
/// Draining a due outbox as <see cref="OutboxDispatcher"/> does, with delivery itself taking no time: each instance claims
/// <see cref="OutboxDispatcher.BatchSize"/> messages with a <see cref="OutboxDispatcher.DefaultClaimLease"/> lease
/// (<see cref="IOutboxStore.ClaimDueOutboxAsync"/>), records each delivered (<see cref="IOutboxStore.MarkDeliveredAsync"/>,
/// <see cref="OutboxDispatcher.MaxInFlight"/> at once) and claims again, until nothing is left. Instances are separate
/// stores over one database, each with its own data source, as separate processes are.
/// </summary>
internal static class OutboxClaimBenchmark
{
    public sealed record Result(int Instances, int Messages, TimeSpan Elapsed, TimeSpan Claiming, int Claimed, int ClaimedTwice, int EmptyClaims, int Left)
    {
        public double MessagesPerSecond => Messages / Elapsed.TotalSeconds;

        /// <summary>The share of the instances' time spent in <see cref="IOutboxStore.ClaimDueOutboxAsync"/>, the rest recording deliveries.</summary>
        public double ClaimingShare => Claiming / (Elapsed * Instances);

        public bool EachOnce => ClaimedTwice == 0 && Claimed == Messages && Left == 0;
    }

    public static async Task<Result> RunAsync(BenchProvider provider, int instances, int messages, int communities, CancellationToken ct)
    {
        var connectionString = await provider.CreateDatabaseAsync(ct);
        var stores = new List<StoreInstance>();
        try
        {
            for (var i = 0; i < instances; i++)
            {
                stores.Add(await provider.OpenAsync(connectionString, ct));
            }

            var now = DateTimeOffset.UtcNow;
            var ids = Enumerable.Range(0, communities).Select(c => CommunityId.For("discord", (290_926_798_626_400_000L + c).ToString(CultureInfo.InvariantCulture))).ToList();
            await stores[0].Store.EnqueueAsync(
                [.. Enumerable.Range(0, messages).Select(m => OutboxMessage.Create(
                    ids[m % communities],
                    $"bench:{m}",
                    MessageTarget.ToMember(new MemberId((600_000_000_000_000_000L + m).ToString(CultureInfo.InvariantCulture))),
                    new Reply($"Reminder {m}: the meetup starts in an hour at Hall 1. Reply here if you can no longer come."),
                    now.AddMinutes(-1)))],
                ct);

            var claimedBy = new ConcurrentDictionary<long, int>();
            var claimedTwice = 0;
            var emptyClaims = 0;
            var claimingTicks = 0L;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(stores.Select((instance, number) => Task.Run(
                async () =>
                {
                    var store = instance.Store;
                    var owner = $"bench-instance-{number}-{Guid.NewGuid():N}";
                    while (true)
                    {
                        var at = DateTimeOffset.UtcNow;
                        var claiming = Stopwatch.GetTimestamp();
                        var claimed = await store.ClaimDueOutboxAsync(at, OutboxDispatcher.BatchSize, owner, at + OutboxDispatcher.DefaultClaimLease, ct);
                        Interlocked.Add(ref claimingTicks, Stopwatch.GetElapsedTime(claiming).Ticks);
                        if (claimed.Count == 0)
                        {
                            if ((await store.GetOutboxBacklogAsync(at, ct)).Depth == 0)
                            {
                                return;
                            }

                            // The other instance holds every community with messages left: look again shortly, as the dispatcher's poll would.
                            Interlocked.Increment(ref emptyClaims);
                            await Task.Delay(TimeSpan.FromMilliseconds(5), ct);
                            continue;
                        }

                        Interlocked.Add(ref claimedTwice, claimed.Count(m => !claimedBy.TryAdd(m.Id, number)));
                        await Parallel.ForEachAsync(
                            claimed,
                            new ParallelOptions { MaxDegreeOfParallelism = OutboxDispatcher.MaxInFlight, CancellationToken = ct },
                            async (message, token) => await store.MarkDeliveredAsync(message.Id, "bench", DateTimeOffset.UtcNow, token));
                    }
                },
                ct)));
            clock.Stop();
            var left = (await stores[0].Store.GetOutboxBacklogAsync(DateTimeOffset.UtcNow, ct)).Depth;
            return new Result(instances, messages, clock.Elapsed, TimeSpan.FromTicks(claimingTicks), claimedBy.Count, claimedTwice, emptyClaims, left);
        }
        finally
        {
            stores.ForEach(s => s.Dispose());
        }
    }
}

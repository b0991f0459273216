using System.Diagnostics;
using System.Threading.Channels;
using NetworkBot.Core.Events;
using NetworkBot.Core.Replies;

namespace NetworkBot.Bench.Storage;

/// <summary>
/// RSVPs to one event at an offered rate (open loop): member <c>i</c> answers "going" at <c>i / rate</c> seconds whether
/// or not the answers before it are done, taken by a fixed number of concurrent callers through
/// <see cref="IEventStore.RespondAsync"/> with its capacity and waitlist, enqueueing the waitlist notice as the
/// <c>/event rsvp</c> command does. Latency runs from the answer's scheduled time, so waiting for a caller counts.
/// </summary>
internal static class RsvpLoadBenchmark
{
    /// <summary>How many answers the rate of the first and last answers done is taken over.</summary>
    public const int Window = 1_000;

    public sealed record Result(
        int Offered, double Rate, int Capacity, double[] Latencies, int Failed, string? FirstError, double Seconds,
        double FirstRate, double LastRate, int Stored, int Distinct, int Going, int Waitlisted, int Notices, bool OutcomesMatch, int OrderViolations)
    {
        public int Completed => Latencies.Length;

        /// <summary>Answers done per second, from the first scheduled answer to the last one done.</summary>
        public double Achieved => Completed / Seconds;

        public bool CapacityHeld => Going <= Capacity && Going == Math.Min(Capacity, Completed);

        /// <summary>Each answer done is stored, once, as its caller was told; failed ones (refused by the store) are not.</summary>
        public bool StoredOnce => Stored == Completed && Distinct == Completed && OutcomesMatch;

        public double Percentile(double share) => Latencies.Length == 0 ? double.NaN : Latencies[Math.Max((int)Math.Ceiling(share * Latencies.Length) - 1, 0)];
    }

    private sealed record Answer(int Member, long Started, long Ended, RsvpStatus Status);

    public static async Task<Result> RunAsync(BenchProvider provider, double rate, double seconds, int capacity, int callers, CancellationToken ct)
    {
        var offered = (int)(rate * seconds);
        var now = DateTimeOffset.UtcNow;
        var community = BenchCommunity.Make(1, offered, now);
        using var instance = await provider.OpenAsync(await provider.CreateDatabaseAsync(ct), ct);
        await community.SaveAsync(instance, ct);
        var store = instance.Store;
        var meetup = new Event(community.Community.Id, new EventId("benchrsvp"), "Bench meetup", null, now.AddDays(7), TimeSpan.FromHours(2), "UTC", "Hall 1", capacity, false)
        {
            CreatedAt = now,
        };
        await store.SaveEventAsync(meetup, [], _ => [], ct);
        var members = community.Members.ToDictionary(m => m.Id);
        var occurrence = EventNotices.Occurrence(meetup);

        var due = Channel.CreateUnbounded<(int Member, long Scheduled)>();
        var answers = new Answer?[offered];
        var latencies = new double[offered];
        var failed = 0;
        var completed = 0;
        string? firstError = null;
        var start = 0L;
        var workers = Enumerable.Range(0, callers).Select(_ => Task.Run(
            async () =>
            {
                await foreach (var (index, scheduled) in due.Reader.ReadAllAsync(ct))
                {
                    var member = community.Members[index].Id;
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        var outcome = await store.RespondAsync(
                            community.Community.Id, meetup.Id, member, RsvpStatus.Going, DateTimeOffset.UtcNow,
                            o => EventNotices.ToMembers(
                                community.Community, members, o.Status == RsvpStatus.Waitlisted ? [member] : [], occurrence + ":waitlisted",
                                language => new Reply(EventTexts.EventWaitlisted.Format(language, meetup.Title)), now),
                            ct);
                        var ended = Stopwatch.GetTimestamp();
                        answers[index] = new Answer(index, started, ended, outcome.Status);
                        latencies[index] = Stopwatch.GetElapsedTime(scheduled, ended).TotalSeconds;
                        if (Interlocked.Increment(ref completed) is var count && count % Window == 0)
                        {
                            Console.Error.WriteLine($"storage: {provider.Name}, {count} RSVPs done at {Stopwatch.GetElapsedTime(start).TotalSeconds:0.0} s");
                        }
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        Interlocked.Increment(ref failed);
                        Interlocked.CompareExchange(ref firstError, exception.GetType().Name + ": " + exception.Message, null);
                    }
                }
            },
            ct)).ToList();

        start = Stopwatch.GetTimestamp();
        for (var next = 0; next < offered;)
        {
            var dueNow = Math.Min(offered, (int)(Stopwatch.GetElapsedTime(start).TotalSeconds * rate) + 1);
            for (; next < dueNow; next++)
            {
                due.Writer.TryWrite((next, start + (long)(next / rate * Stopwatch.Frequency)));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(1), ct);
        }

        due.Writer.Complete();
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;

        var done = answers.OfType<Answer>().OrderBy(a => a.Ended).ToList();
        var rsvps = await store.ListRsvpsAsync(community.Community.Id, meetup.Id, ct);
        var stored = rsvps.ToDictionary(r => r.Member);
        var byMember = community.Members.Select((m, i) => (m.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var outcomesMatch = done.All(a => stored.TryGetValue(community.Members[a.Member].Id, out var r) && r.Status == a.Status);
        var rank = rsvps.ToDictionary(r => byMember[r.Member], r => r.Status == RsvpStatus.Going ? 0 : r.WaitlistPosition ?? long.MaxValue);
        var backlog = await store.GetOutboxBacklogAsync(DateTimeOffset.UtcNow.AddDays(1), ct);
        return new Result(
            offered, rate, capacity, [.. done.Select(a => latencies[a.Member]).Order()], failed, firstError, elapsed,
            WindowRate(done.Take(Window).ToList()), WindowRate(done.TakeLast(Window).ToList()),
            rsvps.Count, stored.Count, rsvps.Count(r => r.Status == RsvpStatus.Going), rsvps.Count(r => r.Status == RsvpStatus.Waitlisted),
            backlog.Depth, outcomesMatch, OrderViolations(done, rank));
    }

    /// <summary>Answers done per second over <paramref name="window"/> (in the order they were done), as the event fills up.</summary>
    private static double WindowRate(IReadOnlyList<Answer> window) =>
        window.Count < 2 ? double.NaN : (window.Count - 1) / Stopwatch.GetElapsedTime(window[0].Ended, window[^1].Ended).TotalSeconds;

    /// <summary>
    /// Answers whose place contradicts the order they happened in: one that finished before another began must be ahead of
    /// it (going before the waitlist, a lower waitlist place before a higher one). Going answers have no order among them.
    /// </summary>
    /// <param name="byEnd">The answers in the order they were done.</param>
    private static int OrderViolations(IReadOnlyList<Answer> byEnd, IReadOnlyDictionary<int, long> rank)
    {
        var violations = 0;
        var finished = 0;
        var highest = long.MinValue;
        foreach (var answer in byEnd.OrderBy(a => a.Started))
        {
            for (; finished < byEnd.Count && byEnd[finished].Ended < answer.Started; finished++)
            {
                highest = Math.Max(highest, rank.GetValueOrDefault(byEnd[finished].Member, long.MaxValue));
            }

            violations += highest > rank.GetValueOrDefault(answer.Member, long.MaxValue) ? 1 : 0;
        }

        return violations;
    }
}

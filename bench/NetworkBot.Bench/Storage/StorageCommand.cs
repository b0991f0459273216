using System.Globalization;
using NetworkBot.Bench.Reporting;
using NetworkBot.Bench.Scale;

namespace NetworkBot.Bench.Storage;

/// <summary>
/// <c>storage</c>: the store of each provider (a SQLite file; a LiteDB file; PostgreSQL, a throw-away server or the one <c>--postgres</c>
/// names) under the bot's heaviest writes (issue 14, item 7): saving a round of 5,000 groups with its outbox, 1,000
/// RSVPs a second to one event, and draining the outbox from one and two instances. Targets: what must hold whatever
/// the speed (capacity, each answer stored once, waitlist order, no message claimed twice), and keeping up with the
/// offered RSVPs.
/// </summary>
internal static class StorageCommand
{
    public static int Run(BenchArgs args) => RunAsync(args, CancellationToken.None).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(BenchArgs args, CancellationToken ct)
    {
        var groups = args.Int("--groups", 5_000);
        var saves = args.Int("--saves", 5);
        var rate = args.Int("--rate", 1_000);
        var seconds = args.Int("--seconds", 10);
        var capacity = args.Int("--capacity", 1_000);
        var callers = args.Int("--callers", 32);
        var messages = args.Int("--messages", 20_000);
        var communities = args.Int("--communities", 200);
        var claimRuns = args.Int("--claim-runs", 3);
        var only = args.Text("--providers")?.Split(',') ?? ["sqlite", "litedb", "postgres"];
        var named = args.Text("--postgres");
        var command = $"NetworkBot.Bench storage --groups {groups} --saves {saves} --rate {rate} --seconds {seconds} --capacity {capacity} " +
            $"--callers {callers} --messages {messages} --communities {communities} --claim-runs {claimRuns} --providers {string.Join(',', only)}" +
            (named is null ? "" : " --postgres …");
        Console.Error.WriteLine(command);

        var (providers, unavailable) = await BenchProvider.StartAsync(only, named, ct);

        try
        {
            // A server named with --postgres is configured by whoever runs it: its figures go beside the default run's, not over them.
            var report = new BenchReport(named is null ? "storage" : "storage-named");
            var loadBefore = ScaleCommand.LoadAverage();
            var rounds = new MarkdownTable("provider", "saves", "median", "max", "rows per save", "rows/s (median)", "all stored", "load avg");
            var rsvps = new MarkdownTable(
                "provider", "offered", "done", "failed", "achieved", $"first {Count(RsvpLoadBenchmark.Window)} done", $"last {Count(RsvpLoadBenchmark.Window)} done", "p50", "p99", "max", "going / capacity", "waitlisted", "waitlist notices",
                "stored once", "order violations", "load avg");
            var claims = new MarkdownTable("provider", "instances", "messages", "communities", "messages/s (median)", "runs", "time in claims", "claimed twice", "empty claims", "left", "load avg");
            foreach (var provider in providers)
            {
                var round = await Measured(() => RoundSaveBenchmark.RunAsync(provider, groups, saves, ct));
                rounds.Add(
                    provider.Name, round.Value.Saves.Count.ToString(CultureInfo.InvariantCulture), Seconds(round.Value.Median), Seconds(round.Value.Max),
                    Count(round.Value.RowsPerSave), Count(round.Value.RowsPerSecond), round.Value.AllStored ? "yes" : "**no**", round.Load);
                report.Target($"{provider.Name}: every round stored with its {groups} groups", round.Value.AllStored ? "yes" : "no", round.Value.AllStored);

                var load = await Measured(() => RsvpLoadBenchmark.RunAsync(provider, rate, seconds, capacity, callers, ct));
                var r = load.Value;
                rsvps.Add(
                    provider.Name, $"{Count(r.Offered)} at {Count(r.Rate)}/s", Count(r.Completed), r.Failed == 0 ? "0" : $"{r.Failed} ({r.FirstError})",
                    $"{Count(r.Achieved)}/s", $"{Count(r.FirstRate)}/s", $"{Count(r.LastRate)}/s", Seconds(r.Percentile(0.5)), Seconds(r.Percentile(0.99)), Seconds(r.Percentile(1)),
                    $"{Count(r.Going)} / {Count(r.Capacity)}", Count(r.Waitlisted), Count(r.Notices),
                    r.StoredOnce ? "yes" : "**no**", Count(r.OrderViolations), load.Load);
                report.Target($"{provider.Name}: attendees never exceed the capacity ({Count(capacity)})", $"{Count(r.Going)} going", r.CapacityHeld);
                report.Target(
                    $"{provider.Name}: every RSVP done stored once, as its caller was told",
                    $"{Count(r.Stored)} stored, {Count(r.Distinct)} members, {Count(r.Completed)} done", r.StoredOnce);
                report.Target($"{provider.Name}: no RSVP refused by the store", Count(r.Failed), r.Failed == 0);
                report.Target($"{provider.Name}: waitlist in the order answers happened, one notice each", $"{r.OrderViolations} out of order, {Count(r.Notices)} notices", r.OrderViolations == 0 && r.Notices == r.Waitlisted);
                report.Target($"{provider.Name}: keeps up with {Count(rate)} RSVPs/s (achieved ≥ 95% over the run)", $"{Count(r.Achieved)}/s", r.Achieved >= rate * 0.95);

                foreach (var instances in provider.SharedByInstances ? new[] { 1, 2 } : [1])
                {
                    var runs = new List<OutboxClaimBenchmark.Result>();
                    var loads = new List<string>();
                    for (var run = 0; run < claimRuns; run++)
                    {
                        var claim = await Measured(() => OutboxClaimBenchmark.RunAsync(provider, instances, messages, communities, ct));
                        runs.Add(claim.Value);
                        loads.Add(claim.Load);
                        Console.Error.WriteLine($"storage: {provider.Name}, {instances} instance(s), run {run + 1}: {claim.Value.MessagesPerSecond:0} messages/s");
                    }

                    var rates = runs.Select(c => c.MessagesPerSecond).Order().ToList();
                    claims.Add(
                        provider.Name, instances.ToString(CultureInfo.InvariantCulture), Count(messages), Count(communities), Count(rates[rates.Count / 2]),
                        string.Join(" / ", runs.Select(c => Count(c.MessagesPerSecond))), string.Join(" / ", runs.Select(c => BenchReport.Share(c.ClaimingShare))),
                        Count(runs.Sum(c => c.ClaimedTwice)),
                        Count(runs.Sum(c => c.EmptyClaims)), Count(runs.Sum(c => c.Left)), string.Join(" / ", loads));
                    report.Target(
                        $"{provider.Name}, {instances} instance(s): each message claimed by one instance, all delivered",
                        $"{runs.Sum(c => c.ClaimedTwice)} claimed twice, {runs.Sum(c => c.Left)} left", runs.All(c => c.EachOnce));
                }
            }

            report.Note(
                $"`{command}`, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} CPUs, load average {loadBefore} before → " +
                $"{ScaleCommand.LoadAverage()} after (1-minute; \"load avg\" columns: before → after each measurement). " +
                string.Join(" ", providers.Select(p => $"{p.Name}: {p.Description}.")) +
                (unavailable is null ? "" : $" PostgreSQL not measured: {unavailable}."));
            report.Section(
                $"Saving a round of {Count(groups)} groups with its outbox",
                rounds + $"\n`CoffeeRounds.RunAsync` (pairs, random mode) over {Count(groups * 2)} stored members, timed around its one " +
                "`SaveRoundAsync` transaction: every member's version checked, the round, its groups and their members, and one " +
                "introduction per group in the outbox (as `CoffeeRounds` enqueues them). Each save is a new round of the same members; " +
                "rows counted are those written.");
            report.Section(
                $"{Count(rate)} RSVPs per second to one event",
                rsvps + $"\nOpen loop: member i answers \"going\" at i / {Count(rate)} s for {seconds} s, taken by {callers} concurrent callers " +
                $"through `RespondAsync` (capacity {Count(capacity)}, the waitlist, the waitlist notice in the outbox). Latency from each " +
                "answer's scheduled time to its return; achieved = answers done / time from the first scheduled to the last done; first and last " +
                $"{Count(RsvpLoadBenchmark.Window)} done: the rate at which answers were done while the event had few answers and when it had most. " +
                "Order violations: answers placed behind one that began after they had finished.");
            report.Section(
                "Outbox claims with one and two instances",
                claims + $"\n{Count(messages)} due messages over {Count(communities)} communities, drained by `ClaimDueOutboxAsync` " +
                "(100 at a time, 10-minute lease) and `MarkDeliveredAsync` (16 at once per instance), delivery taking no time; " +
                "each run on a new database. Time in claims: the share of the instances' time spent claiming, the rest recording deliveries. Empty claims: claims that found every community with messages left held by the other " +
                "instance (it then waits 5 ms). An embedded file (SQLite, LiteDB) has one process by design (the bot locks it), so one instance only.");
            return report.Finish();
        }
        finally
        {
            foreach (var provider in providers)
            {
                await provider.DisposeAsync();
            }
        }
    }

    private static async Task<(T Value, string Load)> Measured<T>(Func<Task<T>> measure)
    {
        var before = ScaleCommand.LoadAverage();
        var value = await measure();
        return (value, $"{before} → {ScaleCommand.LoadAverage()}");
    }

    private static string Seconds(TimeSpan time) => Seconds(time.TotalSeconds);

    private static string Seconds(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";

    private static string Count(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}

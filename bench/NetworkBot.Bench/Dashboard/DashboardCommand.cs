using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using NetworkBot.Bench.Answers;
using NetworkBot.Bench.Reporting;
using NetworkBot.Bench.Scale;
using NetworkBot.Bench.Storage;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Storage;
using NetworkBot.Storage;
using NetworkBot.Tests;
using NetworkBot.Tests.Dashboard;

namespace NetworkBot.Bench.Dashboard;

/// <summary>
/// <c>dashboard</c>: how long the server takes to render a large community's overview. Seeds a community
/// (<see cref="CommunitySeeder"/>: 10,000 members and 100 weekly rounds by default) into each provider's database through
/// the export import (PostgreSQL on a throw-away server, or the one <c>--postgres</c> names), starts the Release <c>networkbot dashboard</c> over it in its own process, and asks for the
/// overview again and again over HTTP, one request at a time. The server's time is what the page says it took
/// (<c>Server-Timing: app;dur=…</c>, measured in the process from the request reaching the dashboard to the response
/// starting); the client's time beside it adds the loopback and the transfer. Target: the 95th percentile of the
/// server's time within <see cref="TargetMilliseconds"/> ms.
/// </summary>
internal static class DashboardCommand
{
    public const double TargetMilliseconds = 200;

    private const int WarmUp = 5;

    public static int Run(BenchArgs args)
    {
        var members = args.Int("--members", 10_000);
        var rounds = args.Int("--rounds", 100);
        var groupSize = args.Int("--group-size", 2);
        var requests = args.Int("--requests", 50);
        // Another page than the overview (members, network, rounds…), timed the same way into its own results file.
        var page = args.Text("--page");
        string[] providers = (args.Text("--providers") ?? StorageOptions.SqliteProvider).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var executable = args.Text("--bot") ?? RepoPaths.NetworkBotExecutable;
        if (!args.Has("--no-build") && args.Text("--bot") is null && ScaleCommand.BuildHost() is { } buildError)
        {
            Console.Error.WriteLine(buildError);
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var seeded = CommunitySeeder.Generate(new CommunitySeed(CommunityId.For("shell", "bench"), "ベンチマーク交流会", Language.Ja)
        {
            Members = members,
            Rounds = rounds,
            GroupSize = groupSize,
            Events = 12,
            Now = DateTimeOffset.UtcNow,
        });
        var generated = clock.Elapsed;
        var groups = seeded.Rounds.Sum(r => r.Groups.Count);
        // SQLite alone (the default) writes dashboard.md; other providers their own file, so one run does not replace another's.
        var report = new BenchReport(
            (providers is [StorageOptions.SqliteProvider] ? "dashboard" : "dashboard-" + string.Join('-', providers)) + (page is null ? "" : "-" + page));
        report.Note(
            $"Seeded community: {members:N0} members, {rounds} weekly rounds of groups of {groupSize} ({groups:N0} groups, {groups / Math.Max(1, rounds):N0} per round on average, "
            + $"{seeded.Answers.Count:N0} answers), {seeded.Connections.Count:N0} connections, {seeded.Events.Count} events with {seeded.Rsvps.Count:N0} answers; "
            + $"generated in {generated.TotalSeconds:0.0} s. Each provider: {WarmUp} requests to warm up, then {requests} requests of the {page ?? "overview"} page, one at a time.");

        var table = new MarkdownTable("provider", "import", "server p50", "server p95", "server max", "client p50", "client p95", "load avg");
        var held = true;
        var worst = 0.0;
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(60));
        var (started, unavailable) = BenchProvider.StartAsync(providers, args.Text("--postgres"), guard.Token).GetAwaiter().GetResult();
        foreach (var provider in started)
        {
            var work = Directory.CreateTempSubdirectory("networkbot-dashboard-");
            var loadBefore = ScaleCommand.LoadAverage();
            var (import, server, client) = MeasureAsync(provider, seeded, page, requests, executable, work.FullName, guard.Token).GetAwaiter().GetResult();
            provider.DisposeAsync().AsTask().GetAwaiter().GetResult();
            var p95 = Percentile(server, 0.95);
            worst = Math.Max(worst, p95);
            held &= p95 <= TargetMilliseconds;
            table.Add(
                provider.Name,
                $"{import.TotalSeconds:0.0} s",
                Milliseconds(Percentile(server, 0.5)),
                Milliseconds(p95),
                Milliseconds(server[^1]),
                Milliseconds(Percentile(client, 0.5)),
                Milliseconds(Percentile(client, 0.95)),
                $"{loadBefore} → {ScaleCommand.LoadAverage()}");
            if (!args.Has("--keep"))
            {
                work.Delete(recursive: true);
            }
        }

        if (unavailable is not null)
        {
            report.Note($"PostgreSQL not measured: {unavailable}.");
        }

        var path = page is null ? "" : "/" + page;
        report.Section($"{(page is null ? "Overview" : $"The {page} page")} of {members:N0} members and {rounds} rounds: `networkbot dashboard` (Release), `GET /dashboard/{{community}}{path}`", table.ToString());
        if (page is null)
        {
            // The bound is the overview's (issue 16, item 7); other pages are timed to compare builds.
            report.Target($"overview server time p95 ≤ {TargetMilliseconds:0} ms", Milliseconds(worst), held);
        }

        return report.Finish();
    }

    /// <summary>Imports the community into a new database of <paramref name="provider"/>, serves it, and times the overview (or <paramref name="page"/>): the import, then the server's and the client's milliseconds, ascending.</summary>
    private static async Task<(TimeSpan Import, List<double> Server, List<double> Client)> MeasureAsync(
        BenchProvider provider, SeededCommunity seeded, string? page, int requests, string executable, string work, CancellationToken ct)
    {
        var connectionString = await provider.CreateDatabaseAsync(ct);
        var clock = Stopwatch.StartNew();
        using (var store = await provider.OpenAsync(connectionString, ct))
        {
            await seeded.WriteToAsync((IExportStore)store.Store, ct);
        }

        // The embedded stores let go of their file, which the bot's process then takes.
        SqliteConnection.ClearAllPools();
        var import = clock.Elapsed;

        var port = LoopbackServer.FreePort();
        using var bot = BotProcess.Start(
            executable,
            work,
            new Dictionary<string, string>
            {
                ["Storage__Provider"] = provider.Setting,
                ["Storage__ConnectionString"] = connectionString,
                ["Urls"] = $"http://127.0.0.1:{port}",
            },
            verb: "dashboard");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var overview = $"/dashboard/{Uri.EscapeDataString(seeded.Id.Value)}" + (page is null ? "" : "/" + page);
        var server = new List<double>();
        var client = new List<double>();
        for (var i = 0; i < WarmUp + requests; i++)
        {
            var (serverMs, clientMs) = await GetAsync(http, overview, page is null ? "data-figure=\"members\"" : "<h1", bot, ct);
            if (i >= WarmUp)
            {
                server.Add(serverMs);
                client.Add(clientMs);
            }
        }

        server.Sort();
        client.Sort();
        return (import, server, client);
    }

    /// <summary>One page, which must contain <paramref name="expected"/>: the server's time it reported and the client's, in milliseconds; asks again while the bot is still starting to listen.</summary>
    private static async Task<(double Server, double Client)> GetAsync(HttpClient http, string path, string expected, BotProcess bot, CancellationToken ct)
    {
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.GetAsync(path, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                var client = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK || !body.Contains(expected, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"{path} answered {(int)response.StatusCode} without {expected} (log: {bot.LogPath})");
                }

                var timing = response.Headers.GetValues("Server-Timing").Single();
                return (double.Parse(timing[(timing.IndexOf("dur=", StringComparison.Ordinal) + 4)..], CultureInfo.InvariantCulture), client);
            }
            catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError && !bot.HasExited)
            {
                await Task.Yield();
            }
        }
    }

    private static double Percentile(List<double> ascending, double share) => ascending[Math.Max(0, (int)Math.Ceiling(share * ascending.Count) - 1)];

    private static string Milliseconds(double value) => $"{value.ToString("0.0", CultureInfo.InvariantCulture)} ms";
}

using System.Globalization;
using NetworkBot.Bench.Reporting;
using NetworkBot.Bench.Scale;

namespace NetworkBot.Bench.Answers;

/// <summary>
/// <c>answers</c>: whether every interaction is answered or deferred inside Discord's 3 seconds while the gateway
/// misbehaves and role grants wait on their bucket (see <see cref="DiscordAnswerRun"/>); with <c>--slack</c>, whether
/// every slash command is acknowledged inside Slack's 3 seconds while the Socket Mode socket drops (see
/// <see cref="SlackAnswerRun"/>). Targets: at least
/// <see cref="TargetShare"/> answered within <see cref="WindowSeconds"/> s of reaching the bot, and no interaction answered twice.
/// </summary>
internal static class AnswersCommand
{
    public const double WindowSeconds = 3;
    public const double TargetShare = 0.999;

    public static int Run(BenchArgs args)
    {
        var seconds = args.Int("--seconds", 120);
        var rate = args.Int("--rate", 20);
        var executable = args.Text("--bot") ?? RepoPaths.NetworkBotExecutable;
        if (!args.Has("--no-build") && args.Text("--bot") is null && ScaleCommand.BuildHost() is { } buildError)
        {
            Console.Error.WriteLine(buildError);
            return 2;
        }

        var slack = args.Has("--slack");
        var work = Directory.CreateTempSubdirectory("networkbot-answers-");
        var loadBefore = ScaleCommand.LoadAverage();
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(seconds + 300));
        var running = slack
            ? new SlackAnswerRun(seconds, rate, args.Int("--drop-every", SlackAnswerRun.DefaultDropEverySeconds), executable).RunAsync(work.FullName, guard.Token)
            : new DiscordAnswerRun(seconds, rate, executable).RunAsync(work.FullName, guard.Token);
        var tally = running.GetAwaiter().GetResult();
        var loadAfter = ScaleCommand.LoadAverage();

        var within = tally.Within(WindowSeconds);
        var share = tally.Sent == 0 ? 0 : (double)within / tally.Sent;

        // The bot's database and log stay for a look when something went wrong (or with --keep).
        var keep = args.Has("--keep") || tally.BotErrors > 0 || share < TargetShare || tally.Duplicates > 0;
        var table = new MarkdownTable("sent", slack ? "acknowledged" : "answered", $"within {WindowSeconds} s", slack ? "acked empty" : "deferred", "p50", "p99", "p99.9", "max", "duplicates", "load avg");
        table.Add(
            tally.Sent.ToString(CultureInfo.InvariantCulture),
            tally.Answered.ToString(CultureInfo.InvariantCulture),
            $"{within} ({BenchReport.Share(share)})",
            tally.Deferred.ToString(CultureInfo.InvariantCulture),
            Seconds(tally.Percentile(0.5)),
            Seconds(tally.Percentile(0.99)),
            Seconds(tally.Percentile(0.999)),
            Seconds(tally.Latencies.Count > 0 ? tally.Latencies[^1] : double.PositiveInfinity),
            tally.Duplicates.ToString(CultureInfo.InvariantCulture),
            $"{loadBefore} → {loadAfter}");

        var report = new BenchReport(slack ? "answers-slack" : "answers");
        var log = keep ? $" ({tally.BotLog})" : "";
        if (slack)
        {
            SlackSections(report, table, tally, rate, seconds, args.Int("--drop-every", SlackAnswerRun.DefaultDropEverySeconds), executable, log);
        }
        else
        {
            DiscordSections(report, table, tally, rate, seconds, executable, log);
        }

        report.Target($"{(slack ? "acknowledged" : "answered")} within {WindowSeconds} s ≥ {BenchReport.Share(TargetShare)}", BenchReport.Share(share), share >= TargetShare);
        report.Target($"{(slack ? "commands" : "interactions")} answered twice = 0", tally.Duplicates.ToString(CultureInfo.InvariantCulture), tally.Duplicates == 0);
        var exit = report.Finish();
        if (!keep)
        {
            work.Delete(recursive: true);
        }

        return exit;
    }

    private static void DiscordSections(BenchReport report, MarkdownTable table, AnswerTally tally, int rate, int seconds, string executable, string log)
    {
        report.Section(
            $"Answers: `networkbot run` (Release apphost) against the fake Discord, {rate} interactions/s for {seconds} s",
            table + $"\nEach interaction is timed from when the fake Discord sends its INTERACTION_CREATE to the first " +
            "callback (answer or defer) the fake REST API receives for it; an unanswered one counts as missed. " +
            $"Bot: `{executable}`. Faults, every {DiscordAnswerRun.CycleSeconds} s: {string.Join(", ", tally.Faults.Select(f => $"{f.Key} ×{f.Value}"))}; " +
            $"{tally.Connections} gateway connections in all, heartbeat interval {DiscordAnswerRun.HeartbeatMilliseconds} ms. " +
            "An interaction sent while the connection is dead or reconnecting waits in the session's log for the Resume " +
            "to replay it, its clock running from when it was sent; after op 9 the bot has no session for 1–5 s, so the fake " +
            $"holds the next interactions back and sends them behind schedule: {tally.Late} were sent over 0.1 s late " +
            $"(at most {Seconds(tally.LatestSeconds)}), each timed from its own send. " +
            $"Load avg: 1-minute, this machine ({Environment.ProcessorCount} CPUs), before → after.");
        report.Section(
            "Role grants (outbox)",
            $"{tally.RoleChanges} joins and leaves ({DiscordAnswerRun.RushSize}-member join rushes included) queued role changes; " +
            $"the member role bucket allows {DiscordAnswerRun.RoleBucketLimit} per {DiscordAnswerRun.RoleBucketPer.TotalSeconds:0} s, " +
            $"so the outbox had made {tally.RoleCalls} role calls ({tally.RoleLimited} answered 429) by the end of the run " +
            $"({BenchReport.Number(tally.DrivenSeconds, "0")} s of load plus the wait for the last answers); the rest stay queued " +
            $"and follow at the bucket's pace. The bot logged {tally.BotErrors} error lines{log}.");
    }

    private static void SlackSections(BenchReport report, MarkdownTable table, AnswerTally tally, int rate, int seconds, int dropEvery, string executable, string log)
    {
        report.Section(
            $"Answers on Slack: `networkbot run` (Release apphost) in Socket Mode against the fake Slack, {rate} slash commands/s for {seconds} s",
            table + $"\nEach slash command is timed from its first send to its first acknowledgement (Slack's 3-second window); " +
            "\"acked empty\" were acknowledged without the answer, which then follows as `chat.postEphemeral`; an envelope " +
            "answered in more than one acknowledgement is a duplicate. " +
            $"Bot: `{executable}`. Faults: {string.Join(", ", tally.Faults.Select(f => $"{f.Key} ×{f.Value}"))} " +
            $"(every {dropEvery} s from {dropEvery / 2.0:0.#} s, {tally.Connections} sockets in all); as Slack does, the fake sends " +
            "what a dropped socket left unacknowledged again on the next one, same `envelope_id`, clock running from the first send. " +
            $"{tally.RoleChanges} interest joins and leaves queued channel invites and kicks; `conversations.invite` answered 429 " +
            $"(Retry-After {SlackAnswerRun.InviteRetryAfterSeconds} s) five times at every drop; the outbox made {tally.RoleCalls} " +
            $"invite and kick calls by the end. The bot logged {tally.BotErrors} error lines{log}. Load avg: 1-minute, before → after.");
    }

    private static string Seconds(double value) => double.IsPositiveInfinity(value) ? "—" : $"{BenchReport.Number(value, "0.000")} s";
}

using System.Diagnostics;
using System.Globalization;
using NetworkBot.Bench.Answers;
using NetworkBot.Discord.Tests.Fakes;
using NetworkBot.Host.Tests.Crash;
using NetworkBot.Host.Tests.Discord;
using NetworkBot.Slack.Tests.Fakes;
using NetworkBot.Tests;

namespace NetworkBot.Bench.Fanout;

/// <summary>
/// One fan-out of the real <c>networkbot run</c> (Release apphost, its own process and SQLite file) against the fake
/// Discord or Slack answering after <c>latency</c> and limiting like the platform with every limit multiplied by
/// <c>scale</c>; the bot is told the same limits through its configuration (<c>Discord:GlobalRequestsPerSecond</c>,
/// <c>Slack:MethodsPerMinute</c>), as an operator would. The run ends once every post arrived and the fake heard nothing
/// for a moment.
/// </summary>
internal sealed class FanoutRun(FanoutScenario scenario, double scale, TimeSpan latency, string executable)
{
    /// <summary>The calls a fan-out makes, as the fakes count them; the bound and the 429 share are over these.</summary>
    public static readonly string[] DiscordMethods =
        ["POST /channels/{id}/threads", "PUT /channels/{id}/thread-members/{id}", "POST /channels/{id}/messages", "POST /users/@me/channels"];

    public static readonly string[] SlackMethods = ["conversations.open", "chat.postMessage"];

    private const string DiscordPost = "POST /channels/{id}/messages";
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    /// <summary>The bot's CPU time when the fan-out's first call arrived (polled, so within 0.1 s of it).</summary>
    private TimeSpan cpuAtStart;

    public async Task<FanoutResult> RunAsync(string workFolder, CancellationToken ct)
    {
        var storage = CrashStorage.Sqlite(workFolder);
        await scenario.SeedAsync(storage, DateTimeOffset.UtcNow, ct);
        var settings = new Dictionary<string, string>(storage.BotSettings)
        {
            // The round starts within a second of the bot's start; the outbox polls at its default.
            ["Worker__SchedulerTick"] = "00:00:01",
        };
        return scenario.Platform == "discord"
            ? await DiscordAsync(workFolder, settings, ct)
            : await SlackAsync(workFolder, settings, ct);
    }

    /// <summary>The time Discord's limits allow: the global limit over every call, each channel's message bucket over its posts.</summary>
    public static (double Seconds, string By) DiscordBound(FakeDiscordLimits limits, int accepted, int mostPostsInOneChannel)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var global = Math.Max(0, accepted - limits.GlobalBurst) / limits.GlobalPerSecond;
        var channel = Math.Max(0, (mostPostsInOneChannel - 1) / limits.MessagesPerChannel) * limits.MessageWindow.TotalSeconds;
        return global >= channel
            ? (global, $"global: ({accepted} calls − burst {limits.GlobalBurst}) / {N(limits.GlobalPerSecond)}/s")
            : (channel, $"channel bucket: {mostPostsInOneChannel} posts in one channel at {limits.MessagesPerChannel} per {N(limits.MessageWindow.TotalSeconds)} s");
    }

    /// <summary>The time Slack's limits allow: the slowest of each method's workspace limit over its calls and each channel's post limit over its posts.</summary>
    public static (double Seconds, string By) SlackBound(FakeSlackLimits limits, IReadOnlyDictionary<string, int> accepted, int mostPostsInOneChannel)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(accepted);
        var bounds = limits.Methods
            .Select(m => (Seconds: Math.Max(0, accepted.GetValueOrDefault(m.Key) - m.Value.Burst) / (m.Value.PerMinute / 60),
                By: $"{m.Key}: ({accepted.GetValueOrDefault(m.Key)} calls − burst {m.Value.Burst}) / {N(m.Value.PerMinute)}/min"))
            .Append((Seconds: Math.Max(0, mostPostsInOneChannel - limits.PostsPerChannelBurst) / limits.PostsPerChannelPerSecond,
                By: $"chat.postMessage per channel: {mostPostsInOneChannel} posts at {N(limits.PostsPerChannelPerSecond)}/s"));
        return bounds.MaxBy(b => b.Seconds);
    }

    private async Task<FanoutResult> DiscordAsync(string workFolder, Dictionary<string, string> settings, CancellationToken ct)
    {
        await using var gateway = await FakeDiscordGateway.StartAsync(autoSession: true);
        await using var api = await FakeDiscordApi.StartAsync(gateway.Url);
        var limits = FakeDiscordLimits.Scaled(scale);
        api.AnswerAfter(latency, latency);
        api.LimitLikeDiscord(limits);
        settings["Discord__Token"] = "fanout-bot-token";
        settings["Discord__ApiBaseUrl"] = api.BaseUrl.ToString();
        settings["Discord__GlobalRequestsPerSecond"] = N(limits.GlobalPerSecond);
        using var bot = BotProcess.Start(executable, workFolder, settings);
        var expectedCalls = scenario.Case == FanoutCase.Round ? scenario.Groups * 4 : scenario.Reminded * 2;
        var finished = await WaitAsync(api.Tally, DiscordMethods, DiscordPost, Timeout(expectedCalls / limits.GlobalPerSecond), bot, ct);
        var calls = Fanout(api.Tally, DiscordMethods);
        var postsPerChannel = api.Requests
            .Where(r => r.Method == "POST" && r.Path.StartsWith("/api/v10/channels/", StringComparison.Ordinal) && r.Path.EndsWith("/messages", StringComparison.Ordinal))
            .GroupBy(r => r.Path, StringComparer.Ordinal)
            .Select(g => g.Count())
            .DefaultIfEmpty(0)
            .Max();
        var (bound, by) = DiscordBound(limits, calls.Values.Sum(c => c.Calls - c.Limited), postsPerChannel);
        return Result(api.Tally, DiscordMethods, DiscordPost, bound, by, finished, bot);
    }

    private async Task<FanoutResult> SlackAsync(string workFolder, Dictionary<string, string> settings, CancellationToken ct)
    {
        await using var api = await FakeSlackApi.StartAsync();
        var limits = FakeSlackLimits.Scaled(scale);
        api.AnswerAfter(latency, latency);
        api.LimitLikeSlack(limits);
        settings["Slack__BotToken"] = "xoxb-fanout-bot-token";
        settings["Slack__ApiBaseUrl"] = api.BaseUrl.ToString();
        foreach (var (method, (perMinute, _)) in limits.Methods)
        {
            settings[$"Slack__MethodsPerMinute__{method}"] = N(perMinute);
        }

        using var bot = BotProcess.Start(executable, workFolder, settings);
        var slowest = limits.Methods.Values.Min(m => m.PerMinute / 60);
        var finished = await WaitAsync(api.Tally, SlackMethods, "chat.postMessage", Timeout(scenario.ExpectedPosts / slowest), bot, ct);
        var calls = Fanout(api.Tally, SlackMethods);
        var postsPerChannel = api.Messages.GroupBy(m => m.Channel, StringComparer.Ordinal).Select(g => g.Count()).DefaultIfEmpty(0).Max();
        var (bound, by) = SlackBound(limits, calls.ToDictionary(c => c.Key, c => c.Value.Calls - c.Value.Limited, StringComparer.Ordinal), postsPerChannel);
        return Result(api.Tally, SlackMethods, "chat.postMessage", bound, by, finished, bot);
    }

    /// <summary>Generous: five times what the limits alone would take, plus a minute for the bot to start and run the round.</summary>
    private static TimeSpan Timeout(double boundSeconds) => TimeSpan.FromSeconds((boundSeconds * 5) + 60);

    /// <summary>
    /// Waits until the fake accepted a post per group or member and then heard no fan-out call for <see cref="Quiet"/>;
    /// false when <paramref name="timeout"/> passed first.
    /// </summary>
    private async Task<bool> WaitAsync(CallTally tally, string[] methods, string post, TimeSpan timeout, BotProcess bot, CancellationToken ct)
    {
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var started = false;
        while (Stopwatch.GetTimestamp() < until)
        {
            await Task.Delay(100, ct);
            var seen = tally.ByMethod;
            if (!started && methods.Any(seen.ContainsKey))
            {
                (started, cpuAtStart) = (true, bot.CpuTime);
            }

            var posted = seen.TryGetValue(post, out var posts) ? posts.Calls - posts.Limited : 0;
            var last = methods.Where(seen.ContainsKey).Select(m => seen[m].LastAt).DefaultIfEmpty(0).Max();
            if (posted >= scenario.ExpectedPosts && Stopwatch.GetElapsedTime(last) > Quiet)
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, (int Calls, int Limited)> Fanout(CallTally tally, string[] methods) =>
        tally.ByMethod.Where(m => methods.Contains(m.Key)).ToDictionary(m => m.Key, m => (m.Value.Calls, m.Value.Limited), StringComparer.Ordinal);

    private FanoutResult Result(CallTally tally, string[] methods, string post, double bound, string by, bool finished, BotProcess bot)
    {
        var seen = tally.ByMethod.Where(m => methods.Contains(m.Key)).ToList();
        var first = seen.Select(m => m.Value.FirstAt).DefaultIfEmpty(0).Min();
        var last = seen.Select(m => m.Value.LastAt).DefaultIfEmpty(0).Max();
        var posts = seen.Where(m => m.Key == post).Select(m => m.Value.Calls - m.Value.Limited).DefaultIfEmpty(0).Sum();
        return new FanoutResult(
            scenario, scale, Fanout(tally, methods), Stopwatch.GetElapsedTime(first, last).TotalSeconds, bound, by, posts, finished, bot.ErrorLines, bot.LogPath)
        {
            CpuSeconds = (bot.CpuTime - cpuAtStart).TotalSeconds,
        };
    }

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

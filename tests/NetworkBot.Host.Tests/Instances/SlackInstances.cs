using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Storage;
using NetworkBot.Host.Tests.Journeys;
using NetworkBot.Slack;
using NetworkBot.Slack.Tests.Fakes;
using NetworkBot.Storage;
using NetworkBot.Tests.Postgres;

namespace NetworkBot.Host.Tests.Instances;

/// <summary>
/// Several real <c>networkbot run</c>s (in-process, on one clock) sharing one PostgreSQL database, all talking to one
/// fake Slack Web API. Each instance has a bot token of its own (Slack would give them one; the fake accepts any), so a
/// Web API call says which instance made it.
/// </summary>
public sealed class SlackInstances : IAsyncDisposable
{
    private readonly List<JourneyRun> runs = [];
    private int triggers;

    private SlackInstances(FakeSlackApi api) => Api = api;

    public FakeSlackApi Api { get; }

    public JourneyClock Clock { get; } = new();

    public static CommunityId Workspace => SlackPlatform.CommunityFor(FakeSlackApi.TeamId);

    /// <summary>The store every instance writes to.</summary>
    public IStore Store => runs[0].Store;

    public static async Task<SlackInstances> StartAsync() => new(await FakeSlackApi.StartAsync());

    /// <summary>The <c>Authorization</c> of the Web API calls instance <paramref name="instance"/> makes.</summary>
    public static string AuthorizationOf(int instance) => $"Bearer {BotTokenOf(instance)}";

    /// <summary>
    /// Starts instance number <see cref="runs"/>.Count on <paramref name="database"/> with <paramref name="settings"/>
    /// (its transport) and returns once <paramref name="ready"/> says it takes requests.
    /// </summary>
    public async Task StartInstanceAsync(PostgresDatabase database, IReadOnlyDictionary<string, string?> settings, Func<CancellationToken, Task> ready, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(settings);
        var run = new JourneyRun(Clock);
        runs.Add(run);
        run.Settings["Storage:Provider"] = StorageOptions.PostgresProvider;
        run.Settings["Storage:ConnectionString"] = database.ConnectionString;
        run.Settings["Slack:BotToken"] = BotTokenOf(runs.Count - 1);
        run.Settings["Slack:ApiBaseUrl"] = Api.BaseUrl.ToString();
        foreach (var (key, value) in settings)
        {
            run.Settings[key] = value;
        }

        await run.StartAsync(ready, ct);
    }

    /// <summary>
    /// A <c>/network</c> slash command of <paramref name="user"/>, as Slack sends its fields; its <c>response_url</c> is
    /// the fake's hook named after its <c>trigger_id</c>.
    /// </summary>
    public JsonObject SlashCommand(string user, string text)
    {
        var trigger = $"trigger-{Interlocked.Increment(ref triggers).ToString(CultureInfo.InvariantCulture)}";
        return new JsonObject
        {
            ["team_id"] = FakeSlackApi.TeamId,
            ["channel_id"] = "C0GENERAL",
            ["user_id"] = user,
            ["user_name"] = user.ToLowerInvariant(),
            ["command"] = "/network",
            ["text"] = text,
            ["trigger_id"] = trigger,
            ["response_url"] = Api.ResponseUrl(trigger).ToString(),
            ["api_app_id"] = FakeSlackSocket.AppId,
            ["is_enterprise_install"] = "false",
        };
    }

    /// <summary>
    /// The text of the answer to <paramref name="command"/>: the one its acknowledgement carried (<paramref name="acknowledged"/>),
    /// or, when it was acknowledged empty because the answer took longer than Slack waits, the one posted to its
    /// <c>response_url</c> afterwards.
    /// </summary>
    public async Task<string> AnswerAsync(JsonObject command, JsonElement? acknowledged, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (acknowledged is { ValueKind: JsonValueKind.Object } payload && payload.TryGetProperty("text", out var text))
        {
            return text.GetString()!;
        }

        var hook = (string)command["trigger_id"]!;
        return (await Api.WaitForHookAsync(h => h.Id == hook, ct)).Text ?? string.Empty;
    }

    /// <summary>The Events API body of <c>team_join</c> for <paramref name="user"/>, with <paramref name="eventId"/>, the same on every retry.</summary>
    public static JsonObject TeamJoin(string eventId, string user) => new()
    {
        ["token"] = "verification-token",
        ["team_id"] = FakeSlackApi.TeamId,
            ["api_app_id"] = FakeSlackSocket.AppId,
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1_765_000_000,
        ["event"] = new JsonObject { ["type"] = "team_join", ["user"] = new JsonObject { ["id"] = user, ["name"] = user.ToLowerInvariant() } },
    };

    /// <summary>
    /// Checks that <paramref name="member"/> got one welcome DM, however many instances handled their <c>team_join</c>.
    /// <paramref name="deliverLater"/> hands a later member's <c>team_join</c> to the instance that took the retry, so
    /// whatever the retry wrote was written before it. A community's messages to different members go out side by side,
    /// so once both welcomes have arrived a second one for <paramref name="member"/> is either among the calls or still
    /// in the outbox: the calls are counted before and after the outbox is read, so one delivered meanwhile is seen too.
    /// A second welcome would have another key (a key is written once); the first may still await its delivered mark.
    /// </summary>
    public async Task AssertWelcomedOnceAsync(string member, Func<JsonObject, Task> deliverLater, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deliverLater);
        await deliverLater(TeamJoin("Ev0LATER", "U0LATER"));
        await Api.WaitForAsync(c => IsDirectTo(c, "U0LATER"), ct);
        await Api.WaitForAsync(c => IsDirectTo(c, member), ct);
        Assert.Single(Api.Calls, c => IsDirectTo(c, member));
        var waiting = await Store.ListDueOutboxAsync(DateTimeOffset.MaxValue, int.MaxValue, ct);
        Assert.All(waiting.Where(m => m.Target.Members.Contains(new MemberId(member))), m => Assert.Equal($"slack-welcome:{member}", m.Key));
        Assert.Single(Api.Calls, c => IsDirectTo(c, member));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var run in runs)
        {
            await run.DisposeAsync();
        }

        await Api.DisposeAsync();
    }

    /// <summary>Whether <paramref name="call"/> posted a message to <paramref name="user"/> alone, by DM (to their user id, or in the DM opened with them).</summary>
    private bool IsDirectTo(FakeSlackApi.Call call, string user) =>
        call.Method == "chat.postMessage" && call.Arg("channel") is { } channel && (channel == user || (Api.OpenedFor(channel) is [var only] && only == user));

    private static string BotTokenOf(int instance) => $"xoxb-instance-{instance.ToString(CultureInfo.InvariantCulture)}";
}

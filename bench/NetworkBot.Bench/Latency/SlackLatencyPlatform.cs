using System.Text.Json.Nodes;
using NetworkBot.Bench.Answers;
using NetworkBot.Core.Domain;
using NetworkBot.Slack.BlockKit;
using NetworkBot.Slack.Tests.Fakes;

namespace NetworkBot.Bench.Latency;

/// <summary>
/// The fake Slack of the Slack tests in Socket Mode, its Web API answering every call after
/// <see cref="LatencyRun.LeastRestLatency"/>–<see cref="LatencyRun.MostRestLatency"/>: a command goes out as a
/// <c>slash_commands</c> envelope (<c>/network coffee skip</c>), a button as an <c>interactive</c> <c>block_actions</c>
/// envelope, and each is answered when the bot acknowledges its envelope. A bot token serves one workspace, so Slack is
/// one community of the run.
/// </summary>
internal sealed class SlackLatencyPlatform : ILatencyPlatform
{
    private const string BotToken = "xoxb-bench-bot-token";
    private readonly FakeSlackApi api;
    private readonly FakeSlackSocket socket;
    private readonly SlackAcks acks = new();
    private readonly CancellationTokenSource reading = new();
    private readonly Task tracking;
    private FakeSlackConnection? current;

    private SlackLatencyPlatform(FakeSlackApi api, FakeSlackSocket socket)
    {
        this.api = api;
        this.socket = socket;
        tracking = Task.Run(() => acks.FollowAsync(
            socket,
            next =>
            {
                // No socket is dropped in this run: the newest is the one to send on.
                Volatile.Write(ref current, next);
                return Task.CompletedTask;
            },
            reading.Token));
    }

    public string Name => "Slack";

    public IReadOnlyDictionary<string, string> BotSettings => new Dictionary<string, string>
    {
        ["Slack__BotToken"] = BotToken,
        ["Slack__AppToken"] = FakeSlackSocket.AppToken,
        ["Slack__ApiBaseUrl"] = api.BaseUrl.ToString(),
    };

    public static async Task<SlackLatencyPlatform> StartAsync(LatencyCommunity workspace)
    {
        var api = await FakeSlackApi.StartAsync();
        var socket = await FakeSlackSocket.StartAsync(autoHello: true);
        var socketHost = socket.ApiBaseUrl.Authority;
        api.Handle("apps.connections.open", _ => new JsonObject
        {
            ["ok"] = true,
            ["url"] = $"ws://{socketHost}{FakeSlackSocket.SocketPath}?ticket=1&app_id={FakeSlackSocket.AppId}",
        });
        foreach (var member in workspace.Members)
        {
            api.AddUser(member.Id.Value, member.DisplayName, isAdmin: member == workspace.Manager);
        }

        api.AnswerAfter(LatencyRun.LeastRestLatency, LatencyRun.MostRestLatency);
        return new SlackLatencyPlatform(api, socket);
    }

    public async Task ConnectedAsync(CancellationToken ct)
    {
        while (Volatile.Read(ref current) is null)
        {
            await Task.Delay(10, ct);
        }
    }

    public async Task SendAsync(string id, LatencyCommunity community, LatencyAction action, CancellationToken ct)
    {
        var caller = action.Caller;
        var (type, payload) = action.Button is { } button
            ? ("interactive", new JsonObject
            {
                ["type"] = "block_actions",
                ["team"] = new JsonObject { ["id"] = community.ExternalId },
                ["user"] = new JsonObject { ["id"] = caller.Id.Value, ["username"] = Handle(caller), ["team_id"] = community.ExternalId },
                ["trigger_id"] = $"trigger-{id}",
                ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = community.Channel, ["message_ts"] = "1700000000.000100" },
                ["channel"] = new JsonObject { ["id"] = community.Channel },
                ["actions"] = new JsonArray(new JsonObject
                {
                    ["action_id"] = SlackActionValues.ButtonActionId(0),
                    ["block_id"] = "nb-buttons-0",
                    ["type"] = "button",
                    ["value"] = SlackActionValues.Encode(button),
                }),
            })
            : ("slash_commands", new JsonObject
            {
                ["team_id"] = community.ExternalId,
                ["channel_id"] = community.Channel,
                ["user_id"] = caller.Id.Value,
                ["user_name"] = Handle(caller),
                ["command"] = "/network",
                ["text"] = string.Join(' ', [action.Path, .. action.Options.Select(o => o.Name == action.MemberOption ? $"{o.Name}:<@{o.Value}>" : $"{o.Name}:{o.Value}")]),
                ["trigger_id"] = $"trigger-{id}",
                ["api_app_id"] = FakeSlackSocket.AppId,
                ["is_enterprise_install"] = false,
            });
        await Volatile.Read(ref current)!.SendEnvelopeAsync(type, payload.ToJsonString(), ct, id);
    }

    public bool Answered(string id) => acks.Has(id);

    public (Dictionary<string, double> Latencies, int Deferred, int Duplicates) Time(IReadOnlyDictionary<string, long> sentAt) => acks.Time(sentAt);

    public IReadOnlyDictionary<string, int> Deliveries()
    {
        var calls = api.Calls;
        return new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["conversations.open"] = calls.Count(c => c.Method == "conversations.open"),
            ["chat.postMessage"] = calls.Count(c => c.Method == "chat.postMessage"),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await reading.CancelAsync();
        await socket.DisposeAsync();
        await api.DisposeAsync();
        await tracking.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        reading.Dispose();
    }

    /// <summary>
    /// The legacy handle Slack sends as <c>user_name</c> ("aiko.tanaka"), not the name it shows: the bot asks
    /// <c>users.info</c> only for a caller known by no better name than the handle.
    /// </summary>
    private static string Handle(Member member) => "member." + member.Id.Value.ToLowerInvariant();
}

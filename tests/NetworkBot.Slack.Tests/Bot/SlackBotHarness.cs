using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Storage;
using NetworkBot.Discord.Tests.Interactions;
using NetworkBot.Slack.Bot;
using NetworkBot.Slack.Inbound;
using NetworkBot.Slack.Tests.Fakes;
using NetworkBot.Tests;

namespace NetworkBot.Slack.Tests.Bot;

/// <summary>
/// Core's real command layer over a real SQLite file and the real Slack wiring pointed at <see cref="FakeSlackApi"/>,
/// on a clock that moves only when the test says. Deliveries go straight to <see cref="SlackResponder"/>, as a worker
/// would hand them over; <see cref="Gate"/> makes the store slow on purpose.
/// </summary>
internal sealed class SlackBotHarness : IAsyncDisposable
{
    public const string Channel = "C0GENERAL";
    public const string User = "U0AIKO";
    public const string Admin = "U0BOSS";

    private readonly TempDatabase database = new();
    private readonly CancellationTokenSource guard = new(TimeSpan.FromSeconds(30));
    private IHost host = null!;
    private int deliveries;

    public FakeSlackApi Api { get; private set; } = null!;

    public TimerCountingTimeProvider Clock { get; } = new();

    public GatedStore Gate { get; private set; } = null!;

    public IStore Store => host.Services.GetRequiredService<IStore>();

    public CancellationToken Timeout => guard.Token;

    public T Get<T>()
        where T : notnull => host.Services.GetRequiredService<T>();

    public static CommunityId Workspace => SlackPlatform.CommunityFor(FakeSlackApi.TeamId);

    public static async Task<SlackBotHarness> StartAsync()
    {
        var harness = new SlackBotHarness();
        harness.Api = await FakeSlackApi.StartAsync();
        harness.Api.AddUser(User, "aiko");
        harness.Api.AddUser(Admin, "boss", isAdmin: true);
        (harness.host, harness.Gate) = await GatedSlackHost.BuildAsync(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-fake-bot-token",
            ["Slack:ApiBaseUrl"] = harness.Api.BaseUrl.ToString(),
            ["Storage:ConnectionString"] = harness.database.ConnectionString,
        }, harness.Clock, runBot: false);
        return harness;
    }

    /// <summary>
    /// Hands a delivery to the responder, standing in for a transport whose acknowledgements always go out; the
    /// returned task ends when the responder has done everything for it.
    /// </summary>
    public (SlackInbound Inbound, Task Handled) Deliver(SlackInboundKind kind, JsonNode payload)
    {
        var inbound = new SlackInbound(kind, JsonDocument.Parse(payload.ToJsonString()).RootElement.Clone(), $"delivery-{Interlocked.Increment(ref deliveries)}", Clock);
        _ = inbound.Acknowledgement.ContinueWith(_ => inbound.Ack.Sent(true), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return (inbound, host.Services.GetRequiredService<SlackResponder>().RespondAsync(inbound, Timeout));
    }

    /// <summary>Delivers and waits until it is handled; returns the acknowledgement's payload.</summary>
    public async Task<JsonNode?> HandleAsync(SlackInboundKind kind, JsonNode payload)
    {
        var (inbound, handled) = Deliver(kind, payload);
        await handled.WaitAsync(Timeout);
        return await inbound.Acknowledgement.WaitAsync(Timeout);
    }

    /// <summary>Delivers what is due in the outbox, as the host's worker would; returns how many messages were tried.</summary>
    public Task<int> DeliverOutboxAsync() => host.Services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(Timeout);

    public Task<JsonNode?> CommandAsync(string text, string user = User) => HandleAsync(SlackInboundKind.SlashCommand, SlashCommand(text, user));

    public static JsonObject SlashCommand(string text, string user = User) => new()
    {
        ["team_id"] = FakeSlackApi.TeamId,
        ["team_domain"] = "networkbot-test",
        ["channel_id"] = Channel,
        ["channel_name"] = "general",
        ["user_id"] = user,
        ["user_name"] = user == Admin ? "boss" : "aiko",
        ["command"] = "/network",
        ["text"] = text,
        ["trigger_id"] = "trigger-" + Guid.NewGuid().ToString("N"),
        ["api_app_id"] = "A111",
    };

    /// <summary>A <c>block_actions</c> payload for one action of a message in <see cref="Channel"/> (or of the App Home).</summary>
    public static JsonObject BlockAction(string actionId, string value, bool onHome = false, string user = User, bool selected = false)
    {
        var action = new JsonObject { ["action_id"] = actionId, ["block_id"] = "nb-buttons-0", ["type"] = selected ? "static_select" : "button", ["action_ts"] = "1.2" };
        if (selected)
        {
            action["selected_option"] = new JsonObject { ["value"] = value };
        }
        else
        {
            action["value"] = value;
        }

        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId },
            ["user"] = new JsonObject { ["id"] = user, ["username"] = "aiko", ["team_id"] = FakeSlackApi.TeamId },
            ["trigger_id"] = "trigger-action",
            ["actions"] = new JsonArray(action),
        };
        if (onHome)
        {
            payload["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "V0HOME" };
            payload["view"] = new JsonObject { ["id"] = "V0HOME", ["type"] = "home" };
        }
        else
        {
            payload["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = Channel, ["message_ts"] = "1700000000.000100" };
            payload["channel"] = new JsonObject { ["id"] = Channel };
        }

        return payload;
    }

    /// <summary>A <c>view_submission</c> of <paramref name="view"/> (as NetworkBot opened it) with these input values.</summary>
    public static JsonObject Submission(JsonNode view, IReadOnlyDictionary<string, string?> values, string user = User)
    {
        var state = new JsonObject();
        foreach (var (name, value) in values)
        {
            state[name] = new JsonObject { [name] = new JsonObject { ["type"] = "plain_text_input", ["value"] = value } };
        }

        var submitted = view.DeepClone().AsObject();
        submitted["id"] = "V0MODAL";
        submitted["state"] = new JsonObject { ["values"] = state };
        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId },
            ["user"] = new JsonObject { ["id"] = user, ["username"] = "aiko", ["team_id"] = FakeSlackApi.TeamId },
            ["view"] = submitted,
        };
    }

    public static JsonObject Event(JsonObject @event) => new()
    {
        ["type"] = "event_callback",
        ["team_id"] = FakeSlackApi.TeamId,
        ["api_app_id"] = "A111",
        ["event_id"] = "Ev" + Guid.NewGuid().ToString("N")[..10],
        ["event"] = @event,
    };

    public async ValueTask DisposeAsync()
    {
        host.Dispose();
        await Api.DisposeAsync();
        database.Dispose();
        guard.Dispose();
    }
}

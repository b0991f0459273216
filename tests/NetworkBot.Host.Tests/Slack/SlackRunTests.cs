using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Texts;
using NetworkBot.Slack.BlockKit;
using NetworkBot.Slack.Tests.Fakes;
using NetworkBot.Tests;
using NetworkBot.Transport;

namespace NetworkBot.Host.Tests.Slack;

/// <summary>
/// The real <c>networkbot run</c>, in-process, against a fake Slack (Web API and Socket Mode on 127.0.0.1): it checks
/// its token, connects over Socket Mode (or serves HTTP mode) and answers slash commands, buttons, modals and events.
/// </summary>
public sealed class SlackRunTests : IAsyncLifetime
{
    private const string BotToken = "xoxb-fake-bot-token";
    private const string SigningSecret = "fake-signing-secret-0123456789ab";
    private const string Channel = "C0GENERAL";
    private const string User = "U0AIKO";

    private readonly CancellationTokenSource guard = new(TimeSpan.FromMinutes(2));
    private readonly CliRunner cli = new();
    private readonly CancellationTokenSource stop = new();
    private FakeSlackApi api = null!;
    private FakeSlackSocket socket = null!;
    private Task<(int Exit, string Out, string Error)>? run;
    private int triggers;

    private CancellationToken Guard => guard.Token;

    public async Task InitializeAsync()
    {
        api = await FakeSlackApi.StartAsync();
        socket = await FakeSlackSocket.StartAsync(autoHello: true);
        api.AddUser(User, "aiko");

        // One base URL serves both: the Web API fake hands out the Socket Mode fake's WebSocket URLs.
        var socketHost = socket.ApiBaseUrl.Authority;
        var tickets = 0;
        api.Handle("apps.connections.open", call => call.Authorization == $"Bearer {FakeSlackSocket.AppToken}"
            ? new JsonObject { ["ok"] = true, ["url"] = $"ws://{socketHost}{FakeSlackSocket.SocketPath}?ticket={Interlocked.Increment(ref tickets)}&app_id={FakeSlackSocket.AppId}" }
            : new JsonObject { ["ok"] = false, ["error"] = "invalid_auth" });
        cli.Settings["Slack:BotToken"] = BotToken;
        cli.Settings["Slack:ApiBaseUrl"] = api.BaseUrl.ToString();
        cli.Settings["Urls"] = "http://127.0.0.1:0";
    }

    public async Task DisposeAsync()
    {
        await stop.CancelAsync();
        if (run is not null)
        {
            await run.WaitAsync(Guard);
        }

        await socket.DisposeAsync();
        await api.DisposeAsync();
        cli.Dispose();
        stop.Dispose();
        guard.Dispose();
    }

    /// <summary>Starts <c>networkbot run</c> in Socket Mode and returns its first connection (hello said).</summary>
    private async Task<FakeSlackConnection> StartAsync()
    {
        cli.Settings["Slack:AppToken"] = FakeSlackSocket.AppToken;
        run = cli.RunAsync(string.Empty, stop.Token, "run");
        return await socket.NextConnectionAsync(Guard);
    }

    /// <summary>Sends an envelope and returns the payload of its acknowledgement (null when acknowledged empty).</summary>
    private async Task<JsonElement?> SendAsync(FakeSlackConnection connection, string type, JsonNode payload, string? envelopeId = null, int retryAttempt = 0)
    {
        var id = await connection.SendEnvelopeAsync(type, payload.ToJsonString(), Guard, envelopeId, retryAttempt);
        while (true)
        {
            var frame = await connection.ReceiveAsync(Guard);
            if (frame.GetProperty("envelope_id").GetString() == id)
            {
                return frame.TryGetProperty("payload", out var ack) && ack.ValueKind == JsonValueKind.Object && ack.EnumerateObject().Any() ? ack.Clone() : null;
            }
        }
    }

    private JsonObject SlashCommand(string text, string user = User) => new()
    {
        ["team_id"] = FakeSlackApi.TeamId,
        ["channel_id"] = Channel,
        ["user_id"] = user,
        ["user_name"] = "aiko",
        ["command"] = "/network",
        ["text"] = text,
        ["trigger_id"] = $"trigger-{Interlocked.Increment(ref triggers)}",
        ["api_app_id"] = FakeSlackSocket.AppId,
        ["is_enterprise_install"] = false,
    };

    private static JsonObject Button(CommandInvocation invocation) => new()
    {
        ["type"] = "block_actions",
        ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId },
        ["user"] = new JsonObject { ["id"] = User, ["username"] = "aiko", ["team_id"] = FakeSlackApi.TeamId },
        ["trigger_id"] = "trigger-button",
        ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = Channel, ["message_ts"] = "1700000000.000100" },
        ["channel"] = new JsonObject { ["id"] = Channel },
        ["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = SlackActionValues.ButtonActionId(0),
            ["block_id"] = "nb-buttons-0",
            ["type"] = "button",
            ["value"] = SlackActionValues.Encode(invocation),
        }),
    };

    private static JsonObject Submission(JsonNode view, string pitch) => new()
    {
        ["type"] = "view_submission",
        ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId },
        ["user"] = new JsonObject { ["id"] = User, ["username"] = "aiko", ["team_id"] = FakeSlackApi.TeamId },
        ["view"] = new JsonObject
        {
            ["id"] = "V0MODAL",
            ["callback_id"] = view["callback_id"]!.DeepClone(),
            ["private_metadata"] = view["private_metadata"]!.DeepClone(),
            ["state"] = new JsonObject { ["values"] = new JsonObject { ["pitch"] = new JsonObject { ["pitch"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = pitch } } } },
        },
    };

    private static JsonObject Event(string eventId, JsonObject @event) => new()
    {
        ["type"] = "event_callback",
        ["team_id"] = FakeSlackApi.TeamId,
        ["event_id"] = eventId,
        ["event"] = @event,
    };

    private static string Text(JsonElement? ack) => ack?.GetProperty("text").GetString() ?? "";

    [Fact]
    public async Task A_slash_command_over_socket_mode_is_answered_in_its_acknowledgement()
    {
        var connection = await StartAsync();

        var ack = await SendAsync(connection, "slash_commands", SlashCommand("coffee join"));

        Assert.Equal("ephemeral", ack?.GetProperty("response_type").GetString());
        Assert.Contains("You're in!", Text(ack), StringComparison.Ordinal);
        var auth = Assert.Single(api.Calls, c => c.Method == "auth.test");
        Assert.Equal($"Bearer {BotToken}", auth.Authorization);
    }

    [Fact]
    public async Task A_command_is_answered_in_its_acknowledgement_while_slow_commands_wait_on_a_rate_limit()
    {
        api.AddUser("U0MANA", "mana", isAdmin: true);
        var connection = await StartAsync();
        api.RateLimitNext("conversations.create", retryAfterSeconds: 60);

        // More slow commands than the bot once had workers, each waiting inside its handler for conversations.create.
        for (var i = 0; i < 8; i++)
        {
            await connection.SendEnvelopeAsync("slash_commands", SlashCommand($"admin interests create slow{i}", "U0MANA").ToJsonString(), Guard);
        }

        await api.WaitForAsync(c => c.Method == "conversations.create", Guard);
        var ack = await SendAsync(connection, "slash_commands", SlashCommand("coffee join"));

        // Acknowledged with the answer itself, not empty at the transport's deadline after waiting for a worker.
        Assert.Contains("You're in!", Text(ack), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Intro_set_opens_a_modal_whose_submission_saves_the_intro_and_an_invalid_one_saves_nothing()
    {
        var connection = await StartAsync();
        var command = SlashCommand("intro set");

        Assert.Null(await SendAsync(connection, "slash_commands", command));
        var open = await api.WaitForAsync(c => c.Method == "views.open", Guard);
        Assert.Equal(command["trigger_id"]!.GetValue<string>(), open.Arg("trigger_id"));
        var view = open.Args["view"]!;

        var invalid = await SendAsync(connection, "interactive", Submission(view, new string('x', 281)));
        Assert.Equal("errors", invalid?.GetProperty("response_action").GetString());
        Assert.True(invalid!.Value.GetProperty("errors").TryGetProperty("pitch", out _));
        Assert.Contains("haven't written an introduction", Text(await SendAsync(connection, "slash_commands", SlashCommand("intro show"))), StringComparison.Ordinal);

        var valid = await SendAsync(connection, "interactive", Submission(view, "I run the Tokyo meetups."));
        Assert.Equal("clear", valid?.GetProperty("response_action").GetString());
        await api.WaitForAsync(c => c.Method == "chat.postEphemeral" && c.Arg("text")!.Contains("Saved your introduction", StringComparison.Ordinal), Guard);
        Assert.Contains("I run the Tokyo meetups.", Text(await SendAsync(connection, "slash_commands", SlashCommand("intro show"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_is_announced_in_its_channel_and_going_redraws_the_counts_in_place()
    {
        const string Events = "C0EVENTS";
        api.AddUser("U0MANA", "mana", isAdmin: true);
        var connection = await StartAsync();
        await SendAsync(connection, "slash_commands", SlashCommand($"admin setup announcement-channel:{Events}", "U0MANA"));
        var day = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await SendAsync(connection, "slash_commands", SlashCommand($"admin events create title:\"Morning pitch\" date:{day} time:08:00 timezone:Asia/Tokyo", "U0MANA"));

        var posted = await api.WaitForAsync(c => c.Method == "chat.postMessage" && c.Arg("channel") == Events, Guard);
        var announcement = api.Messages.Single(m => m.Channel == Events);
        Assert.Contains("<!date^", posted.Args["blocks"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        var going = posted.Args["blocks"]!.AsArray().OfType<JsonObject>()
            .Where(b => (string?)b["type"] == "actions")
            .SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>())
            .First(e => (string?)e["text"]!["text"] == "Going");

        var click = Button(CommandInvocation.Of("coffee status"));
        click["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = Events, ["message_ts"] = announcement.Ts };
        click["channel"] = new JsonObject { ["id"] = Events };
        click["actions"]![0]!["action_id"] = going["action_id"]!.GetValue<string>();
        click["actions"]![0]!["value"] = going["value"]!.GetValue<string>();
        Assert.Null(await SendAsync(connection, "interactive", click));

        var update = await api.WaitForAsync(c => c.Method == "chat.update", Guard);
        Assert.Equal((Events, announcement.Ts), (update.Arg("channel"), update.Arg("ts")));
        Assert.Contains("*Going*\\n1", update.Args["blocks"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_button_runs_its_command_and_a_rate_limited_answer_is_retried()
    {
        var connection = await StartAsync();
        api.RateLimitNext("chat.postEphemeral", retryAfterSeconds: 1);

        Assert.Null(await SendAsync(connection, "interactive", Button(CommandInvocation.Of("coffee join"))));

        var answered = await api.WaitForAsync(c => c.Method == "chat.postEphemeral" && api.Calls.Count(p => p.Method == "chat.postEphemeral") == 2, Guard);
        Assert.Contains("You're in!", answered.Arg("text"), StringComparison.Ordinal);
        Assert.Contains("Taking part", Text(await SendAsync(connection, "slash_commands", SlashCommand("coffee status"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_the_app_home_publishes_it()
    {
        var connection = await StartAsync();

        Assert.Null(await SendAsync(connection, "events_api", Event("Ev0HOME", new JsonObject { ["type"] = "app_home_opened", ["user"] = User, ["tab"] = "home" })));

        var publish = await api.WaitForAsync(c => c.Method == "views.publish", Guard);
        Assert.Equal(User, publish.Arg("user_id"));
        Assert.Equal("home", publish.Args["view"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_redelivered_event_has_its_effect_once()
    {
        var connection = await StartAsync();
        var joined = Event("Ev0JOIN", new JsonObject { ["type"] = "team_join", ["user"] = new JsonObject { ["id"] = "U0NEWBIE", ["name"] = "newbie" } });

        await SendAsync(connection, "events_api", joined, envelopeId: "env-join-1");
        await api.WaitForAsync(c => c.Method == "chat.postMessage", Guard);
        await SendAsync(connection, "events_api", joined, envelopeId: "env-join-2", retryAttempt: 1);
        await SendAsync(connection, "events_api", joined, envelopeId: "env-join-1");

        // Socket Mode acknowledges a redelivery itself and never queues it; had it been queued, the command sent
        // after it would most likely be answered after its welcome DM.
        await SendAsync(connection, "slash_commands", SlashCommand("help"));
        Assert.Single(api.Calls, c => c.Method == "chat.postMessage");
    }

    [Fact]
    public async Task A_refresh_or_a_dropped_socket_loses_nothing()
    {
        var first = await StartAsync();

        await first.SendEnvelopeAsync("interactive", Button(CommandInvocation.Of("coffee join")).ToJsonString(), Guard);
        await first.DisconnectAsync("refresh_requested", Guard);
        var second = await socket.NextConnectionAsync(Guard);
        await api.WaitForAsync(c => c.Method == "chat.postEphemeral", Guard);
        Assert.Contains("You're in!", Text(await SendAsync(second, "slash_commands", SlashCommand("coffee join"))) + api.Calls.First(c => c.Method == "chat.postEphemeral").Arg("text"), StringComparison.Ordinal);

        second.Abort();
        var third = await socket.NextConnectionAsync(Guard);
        Assert.Contains(Messages.HelpTitle.En, Text(await SendAsync(third, "slash_commands", SlashCommand(""))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_app_token_stops_run_with_exit_code_3()
    {
        cli.Settings["Slack:AppToken"] = "xapp-1-A111-1-revoked";
        var (exit, _, error) = await cli.RunAsync(string.Empty, stop.Token, "run").WaitAsync(Guard);

        Assert.True(exit == 3, error);
        Assert.Equal(0, socket.ConnectionCount);
        Assert.Single(api.Calls, c => c.Method == "apps.connections.open");
    }

    [Fact]
    public async Task A_refused_bot_token_stops_run_with_exit_code_3()
    {
        api.Handle("auth.test", _ => new JsonObject { ["ok"] = false, ["error"] = "invalid_auth" });

        var (exit, _, error) = await cli.RunAsync(string.Empty, stop.Token, "run").WaitAsync(Guard);

        Assert.True(exit == 3, $"exit {exit}: {error}");
        Assert.DoesNotContain(api.Calls, c => c.Method == "apps.connections.open");
    }

    [Fact]
    public async Task Slack_down_at_start_is_waited_out_and_the_bot_then_connects_and_answers()
    {
        // More 503s than one call's own retries take: the call gives up, and the start-up waits and begins again.
        const int outage = RetryingSender.ApiAttempts + 2;
        api.ServerErrorNext("auth.test", 503, outage);
        cli.Settings["Slack:AppToken"] = FakeSlackSocket.AppToken;
        var connecting = socket.NextConnectionAsync(Guard);

        run = await cli.RunSkippingWaitsAsync(connecting, stop.Token);

        Assert.Equal(outage + 1, api.Calls.Count(c => c.Method == "auth.test"));
        var ack = await SendAsync(await connecting, "slash_commands", SlashCommand("coffee join"));
        Assert.Contains("You're in!", Text(ack), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_http_mode_a_signed_slash_command_is_answered_and_an_unsigned_one_refused()
    {
        var port = LoopbackServer.FreePort();
        cli.Settings["Slack:SigningSecret"] = SigningSecret;
        cli.Settings["Urls"] = $"http://127.0.0.1:{port}";
        run = cli.RunAsync(string.Empty, stop.Token, "run");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var body = Encoding.UTF8.GetBytes(string.Join('&', SlashCommand("coffee join").Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value!.ToString())}")));

        var unsigned = await PostAsync(http, body, signed: false);
        var signed = await PostAsync(http, body, signed: true);

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var ack = JsonDocument.Parse(await signed.Content.ReadAsStringAsync(Guard)).RootElement;
        Assert.Equal("ephemeral", ack.GetProperty("response_type").GetString());
        Assert.Contains("You're in!", ack.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, socket.ConnectionCount);
    }

    /// <summary>Posts to <c>/slack/commands</c>, trying again while the host is still starting to listen.</summary>
    private async Task<HttpResponseMessage> PostAsync(HttpClient http, byte[] body, bool signed)
    {
        while (true)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
            if (signed)
            {
                var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                var basestring = Encoding.UTF8.GetBytes($"v0:{timestamp}:").Concat(body).ToArray();
                request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
                request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningSecret), basestring)));
            }

            try
            {
                return await http.SendAsync(request, Guard);
            }
            catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
            {
                Assert.False(run!.IsCompleted, "networkbot run ended before it listened");
                await Task.Yield();
            }
        }
    }
}

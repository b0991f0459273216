using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Texts;
using NetworkBot.Discord.Tests.Fakes;
using NetworkBot.Tests;
using NetworkBot.Transport;
using static NetworkBot.Discord.Tests.Fixtures.InteractionJson;

namespace NetworkBot.Host.Tests.Discord;

/// <summary>
/// The real <c>networkbot run</c>, in-process, against a fake Discord (REST and gateway on 127.0.0.1): it connects,
/// identifies, registers its commands, and answers interactions that arrive over the gateway.
/// </summary>
public sealed class DiscordRunTests : IAsyncLifetime
{
    private const string Token = "fake-bot-token.secret";
    private readonly CancellationTokenSource guard = new(TimeSpan.FromMinutes(2));
    private readonly CliRunner cli = new();
    private readonly CancellationTokenSource stop = new();
    private FakeDiscordGateway gateway = null!;
    private FakeDiscordApi api = null!;
    private Task<(int Exit, string Out, string Error)>? run;
    private int interactions;
    private FakeGatewayConnection? connection;

    private CancellationToken Guard => guard.Token;

    public async Task InitializeAsync()
    {
        gateway = await FakeDiscordGateway.StartAsync(autoSession: true);
        api = await FakeDiscordApi.StartAsync(gateway.Url);
        cli.Settings["Discord:Token"] = Token;
        cli.Settings["Discord:ApiBaseUrl"] = api.BaseUrl.ToString();
        cli.Settings["Urls"] = "http://127.0.0.1:0";
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        await api.DisposeAsync();
        await gateway.DisposeAsync();
        cli.Dispose();
        stop.Dispose();
        guard.Dispose();
    }

    /// <summary>Starts <c>networkbot run</c> and waits until it has identified on the gateway; returns the Identify.</summary>
    private async Task<JsonElement> StartAsync(CancellationToken ct)
    {
        run = cli.RunAsync(string.Empty, ct, "run");
        connection = await gateway.NextConnectionAsync(Guard);
        return await connection.ReceiveOpAsync(2, Guard);
    }

    private async Task<int> StopAsync()
    {
        await stop.CancelAsync();
        return run is null ? 0 : (await run).Exit;
    }

    /// <summary>Sends the interaction as an INTERACTION_CREATE and returns the callback the bot answered it with.</summary>
    private async Task<JsonElement> InteractAsync(JsonObject interaction) =>
        (await api.WaitForAsync(CallbackOf(await SendAsync(interaction)), Guard)).Json;

    /// <summary>Sends the interaction as an INTERACTION_CREATE with a fresh id and token; returns the id.</summary>
    private async Task<string> SendAsync(JsonObject interaction)
    {
        var id = (1_000_000_000_000_000_000L + Interlocked.Increment(ref interactions)).ToString(CultureInfo.InvariantCulture);
        interaction["id"] = id;
        interaction["token"] = "interaction-token-" + id;
        interaction["application_id"] = FakeDiscordGateway.ApplicationId;
        await gateway.DispatchAsync("INTERACTION_CREATE", interaction.ToJsonString(), Guard);
        return id;
    }

    private static Func<ApiRequest, bool> CallbackOf(string id) => r => r.Path == $"/api/v10/interactions/{id}/interaction-token-{id}/callback";

    private static string Text(JsonElement callback)
    {
        var data = callback.GetProperty("data");
        return data.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String
            ? content.GetString()!
            : string.Join('\n', data.GetProperty("embeds").EnumerateArray().Select(e => e.TryGetProperty("description", out var d) ? d.GetString() : e.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Run_connects_identifies_with_the_needed_intents_and_registers_the_commands()
    {
        var identify = (await StartAsync(stop.Token)).GetProperty("d");

        Assert.Equal((65539, Token), (identify.GetProperty("intents").GetInt32(), identify.GetProperty("token").GetString()));
        var first = api.Requests;
        Assert.Contains(first, r => r is { Method: "GET", Path: "/api/v10/applications/@me" } && r.Authorization == "Bot " + Token);
        Assert.Contains(first, r => r is { Method: "GET", Path: "/api/v10/gateway/bot" });
        var put = Assert.Single(first, r => r.Method == "PUT");
        Assert.Equal($"/api/v10/applications/{FakeDiscordGateway.ApplicationId}/commands", put.Path);
        Assert.Contains(put.Json.EnumerateArray(), c => c.GetProperty("name").GetString() == "coffee");
    }

    [Fact]
    public async Task Every_command_arriving_over_the_gateway_gets_an_answer()
    {
        await StartAsync(stop.Token);

        foreach (var spec in CommandTable.All.Where(c => !c.Hidden))
        {
            var options = spec.Options.Where(o => o.Required).Select(ValidOption).ToArray();
            var callback = await InteractAsync(InGuild(2, Command(spec.Path, options), Member(permissions: "8")));

            Assert.Contains(callback.GetProperty("type").GetInt32(), new[] { 4, 9 });
            if (callback.GetProperty("type").GetInt32() == 4)
            {
                Assert.DoesNotContain(Messages.InternalError.En, Text(callback), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_member_who_leaves_the_server_is_paused()
    {
        await StartAsync(stop.Token);
        Assert.Contains("You're in", Text(await InteractAsync(InGuild(2, Command("coffee join")))), StringComparison.Ordinal);

        await gateway.DispatchAsync("GUILD_MEMBER_REMOVE", $$$"""{"guild_id":"{{{GuildId}}}","user":{"id":"{{{UserId}}}","username":"mason"}}""", Guard);

        // The status command is handled after the removal: events are queued in order and the member's row decides.
        string status;
        do
        {
            status = Text(await InteractAsync(InGuild(2, Command("coffee status"))));
        }
        while (!status.Contains("left the server", StringComparison.Ordinal) && !Guard.IsCancellationRequested);

        Assert.Contains("left the server", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_who_leaves_and_rejoins_the_server_keeps_their_data()
    {
        await StartAsync(stop.Token);
        await InteractAsync(InGuild(2, Command("coffee join")));
        using var store = new Journeys.JourneyStore(cli.ConnectionString);
        var (community, member) = (Core.Domain.CommunityId.For("discord", GuildId), new Core.Domain.MemberId(UserId));

        await gateway.DispatchAsync("GUILD_MEMBER_REMOVE", $$$"""{"guild_id":"{{{GuildId}}}","user":{"id":"{{{UserId}}}","username":"mason"}}""", Guard);
        var left = await Journeys.Journey.StoredAsync(store.Store, community, member, m => m.LeftAt is not null, Guard);
        Assert.Equal(Core.Coffee.CoffeeEnrollment.PausedIndefinitely, left.Coffee.PausedUntil);

        await gateway.DispatchAsync(
            "GUILD_MEMBER_ADD", $$$"""{"guild_id":"{{{GuildId}}}","user":{"id":"{{{UserId}}}","username":"mason"},"roles":[],"joined_at":"2026-12-07T09:00:00+00:00"}""", Guard);
        var back = await Journeys.Journey.StoredAsync(store.Store, community, member, m => m.LeftAt is null, Guard);
        Assert.Equal(Core.Coffee.CoffeeEnrollment.PausedIndefinitely, back.Coffee.PausedUntil);
    }

    [Fact]
    public async Task A_data_export_goes_to_the_members_dm_or_with_dms_closed_follows_the_answer_privately()
    {
        await StartAsync(stop.Token);
        await InteractAsync(InGuild(2, Command("coffee join")));

        Assert.Contains("sent to you alone", Text(await InteractAsync(InGuild(2, Command("privacy export")))), StringComparison.Ordinal);
        var dm = await api.WaitForAsync(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal), Guard);
        Assert.Equal(UserId, api.DmRecipient(dm.Path.Split('/')[^2]));
        Assert.Equal("networkbot-data.json", MultipartForm.Named(dm.Body, "files[0]").FileName);

        api.FailNext("/messages", 403, code: 50007);
        var id = await SendAsync(InGuild(2, Command("privacy export")));
        var followUp = await api.WaitForAsync(r => r.Method == "POST" && r.Path == $"/api/v10/webhooks/{FakeDiscordGateway.ApplicationId}/interaction-token-{id}", Guard);
        var message = JsonDocument.Parse(MultipartForm.Named(followUp.Body, "payload_json").Content).RootElement;
        Assert.Equal(64, message.GetProperty("flags").GetInt32());
        Assert.Contains("direct messages are closed", message.GetProperty("content").GetString(), StringComparison.Ordinal);
        var file = JsonDocument.Parse(MultipartForm.Named(followUp.Body, "files[0]").Content).RootElement;
        Assert.Equal(UserId, file.GetProperty("member").GetString());
        Assert.True(api.Requests.Single(CallbackOf(id)).Index < followUp.Index, "The file came before the answer.");
    }

    [Fact]
    public async Task A_restart_with_the_same_commands_does_not_register_them_again()
    {
        await StartAsync(stop.Token);
        Assert.Equal(0, await StopAsync());

        using var second = new CancellationTokenSource();
        await StartAsync(second.Token);
        await second.CancelAsync();
        Assert.Equal(0, (await run!).Exit);

        Assert.Single(api.Requests, r => r.Method == "PUT");
        Assert.Equal(2, api.Requests.Count(r => r.Path == "/api/v10/applications/@me"));
    }

    [Fact]
    public async Task An_event_is_announced_with_rsvp_buttons_whose_answer_redraws_the_counts()
    {
        const string Announcements = "345626669114982111";
        await StartAsync(stop.Token);
        await InteractAsync(InGuild(2, Command("admin setup", Option("announcement-channel", 7, Announcements)), Member(permissions: "32")));
        await InteractAsync(InGuild(2, Command("admin events create",
            Option("title", 3, "Morning pitch"), Option("date", 3, DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Option("time", 3, "08:00"), Option("timezone", 3, "Asia/Tokyo")), Member(permissions: "32")));

        var announcement = await api.WaitForAsync(r => r is { Method: "POST", Path: $"/api/v10/channels/{Announcements}/messages" }, Guard);
        Assert.Contains(announcement.Json.GetProperty("embeds")[0].GetProperty("fields").EnumerateArray(),
            f => f.GetProperty("value").GetString()!.Contains("<t:", StringComparison.Ordinal));
        var going = announcement.Json.GetProperty("components").EnumerateArray()
            .SelectMany(row => row.GetProperty("components").EnumerateArray())
            .First(button => button.GetProperty("label").GetString() == "Going")
            .GetProperty("custom_id").GetString();

        var click = InGuild(3, new JsonObject { ["custom_id"] = going, ["component_type"] = 2 });
        click["message"] = new JsonObject { ["id"] = "1", ["channel_id"] = Announcements, ["content"] = "" };
        var answer = await InteractAsync(click);

        Assert.Equal(7, answer.GetProperty("type").GetInt32());
        var counts = answer.GetProperty("data").GetProperty("embeds")[0].GetProperty("fields").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal("1", counts["Going"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_rate_limited_answer_is_sent_again_after_the_pause_discord_asked_for(bool global)
    {
        await StartAsync(stop.Token);
        api.RateLimitNext("/callback", global);

        await InteractAsync(InGuild(2, Command("coffee join")));

        var attempts = await api.WaitForAsync(r => r.Path.EndsWith("/callback", StringComparison.Ordinal), 2, Guard);
        Assert.Equal(attempts[0].Body, attempts[1].Body);
        Assert.Contains("You're in", Text(attempts[1].Json), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interested_on_discord_counts_as_maybe()
    {
        await StartAsync(stop.Token);
        await InteractAsync(InGuild(2, Command("admin events create",
            Option("title", 3, "Lunch session"), Option("date", 3, DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Option("time", 3, "12:00"), Option("timezone", 3, "Asia/Tokyo")), Member(permissions: "32")));
        var published = await api.WaitForAsync(r => r is { Method: "POST", Path: $"/api/v10/guilds/{GuildId}/scheduled-events" }, Guard);
        Assert.Equal(3, published.Json.GetProperty("entity_type").GetInt32());

        // The outbox records the scheduled event's id just after Discord answers the POST, and events are handled by
        // several workers, so Interested is sent again (it is idempotent) until the member's Maybe shows.
        string maybe;
        do
        {
            foreach (var user in new[] { FakeDiscordApi.BotUserId, UserId })
            {
                await gateway.DispatchAsync("GUILD_SCHEDULED_EVENT_USER_ADD",
                    $$$"""{"guild_scheduled_event_id":"{{{FakeDiscordApi.ScheduledEventId}}}","user_id":"{{{user}}}","guild_id":"{{{GuildId}}}"}""", Guard);
            }

            var card = await InteractAsync(InGuild(2, Command("events show", Option("event", 3, "Lunch session"))));
            maybe = card.GetProperty("data").GetProperty("embeds")[0].GetProperty("fields").EnumerateArray()
                .Single(f => f.GetProperty("name").GetString() == "Maybe").GetProperty("value").GetString()!;
        }
        while (maybe == "0" && !Guard.IsCancellationRequested);

        Assert.Equal("1", maybe);
    }

    [Fact]
    public async Task Creating_and_joining_are_answered_while_the_outbox_waits_on_discord_and_the_role_is_given_afterwards()
    {
        await StartAsync(stop.Token);
        await InteractAsync(InGuild(2, Command("admin interests create", Option("name", 3, "rust")), Member(permissions: "32")));
        var ready = InterestTexts.InterestSpaceReady.Format(Core.Domain.Language.En, "rust");
        await api.WaitForAsync(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal) && r.Body.Contains(ready, StringComparison.Ordinal), Guard);
        static bool RoleRoute(ApiRequest r) => r.Path.Contains("/roles", StringComparison.Ordinal) && !r.Path.EndsWith("/callback", StringComparison.Ordinal);
        api.Hold(RoleRoute);

        // Managers creating groups are answered at once; making their roles waits in the outbox on Discord's held role route.
        const int slowCount = 8;
        var slow = new List<string>();
        for (var i = 0; i < slowCount; i++)
        {
            slow.Add(await SendAsync(InGuild(2, Command("admin interests create", Option("name", 3, $"slow{i}")), Member(permissions: "32"))));
        }

        foreach (var id in slow)
        {
            await api.WaitForAsync(CallbackOf(id), Guard);
        }

        await api.WaitForAsync(r => r.Method == "GET" && r.Path == $"/api/v10/guilds/{GuildId}/roles", Guard);

        var joinId = await SendAsync(InGuild(2, Command("interests join", Option("name", 3, "rust"))));
        var answer = await api.WaitForAsync(CallbackOf(joinId), Guard);
        var joined = answer.Json.GetProperty("type").GetInt32() == 4
            ? Text(answer.Json)
            : (await api.WaitForAsync(r => r.Method == "PATCH" && r.Path.Contains($"interaction-token-{joinId}/", StringComparison.Ordinal), Guard)).Json.GetProperty("content").GetString();
        Assert.Equal(InterestTexts.InterestJoinedRolePending.Format(Core.Domain.Language.En, "rust"), joined);
        api.Release();

        // The grant comes afterwards, from the outbox worker, once the roles before it are made.
        var grant = await api.WaitForAsync(r => r.Method == "PUT" && r.Path.Contains($"/members/{UserId}/roles/", StringComparison.Ordinal), Guard);
        Assert.True(grant.ReceivedAt > answer.ReceivedAt);
        Assert.All(slow, id => Assert.Equal(1, api.Requests.Count(CallbackOf(id))));
        Assert.Equal(1 + slowCount, api.GuildObjects(GuildId, "roles").Count);
    }

    [Fact]
    public async Task After_op_7_the_bot_resumes_on_the_resume_url_and_keeps_answering()
    {
        await StartAsync(stop.Token);
        await gateway.DispatchAsync("GUILD_CREATE", $$$"""{"id":"{{{GuildId}}}","name":"Tokyo"}""", Guard);

        await connection!.SendAsync("""{"op":7,"d":null}""", Guard);

        var resumed = await gateway.NextConnectionAsync(Guard);
        var resume = await resumed.ReceiveOpAsync(6, Guard);
        Assert.True(resumed.IsResumeUrl);
        Assert.Equal(2, resume.GetProperty("d").GetProperty("seq").GetInt64());
        Assert.Contains("You're in", Text(await InteractAsync(InGuild(2, Command("coffee join")))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_dropped_socket_the_bot_resumes_and_missed_events_are_still_handled()
    {
        await StartAsync(stop.Token);

        connection!.Abort();

        var resumed = await gateway.NextConnectionAsync(Guard);
        await resumed.ReceiveOpAsync(6, Guard);
        Assert.True(resumed.IsResumeUrl);
        Assert.Contains("You're in", Text(await InteractAsync(InGuild(2, Command("coffee join")))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_session_is_identified_afresh_on_the_gateway_url()
    {
        var firstIdentify = (await StartAsync(stop.Token)).GetProperty("d");

        await connection!.SendAsync("""{"op":9,"d":false}""", Guard);

        var fresh = await gateway.NextConnectionAsync(Guard);
        var identify = await fresh.ReceiveOpAsync(2, Guard);
        Assert.False(fresh.IsResumeUrl);
        Assert.Equal(firstIdentify.GetProperty("intents").GetInt32(), identify.GetProperty("d").GetProperty("intents").GetInt32());
        Assert.DoesNotContain(fresh.Received, f => f.GetProperty("op").GetInt32() == 6);
    }

    [Fact]
    public async Task A_zombie_connection_is_closed_with_a_resumable_code_and_resumed()
    {
        gateway.AutoSession = false;
        run = cli.RunAsync(string.Empty, stop.Token, "run");
        var zombie = await gateway.NextConnectionAsync(Guard);

        // Discord says when to heartbeat; a short interval lets the real clock of 'run' find the zombie quickly.
        // This connection never acknowledges a heartbeat.
        await zombie.HelloAsync(Guard, heartbeatInterval: 200);
        await zombie.ReadyAsync(await zombie.ReceiveOpAsync(2, Guard), Guard);

        var resumed = await gateway.NextConnectionAsync(Guard);
        Assert.NotEqual(1000, await zombie.Closed);
        Assert.NotEqual(1001, await zombie.Closed);
        Assert.True(resumed.IsResumeUrl);
    }

    [Fact]
    public async Task Disallowed_intents_stop_the_process_with_a_refusal_and_no_reconnect()
    {
        gateway.AutoSession = false;
        run = cli.RunAsync(string.Empty, stop.Token, "run");
        var only = await gateway.NextConnectionAsync(Guard);
        await only.HelloAsync(Guard);
        await only.ReceiveOpAsync(2, Guard);

        await only.CloseAsync(4014, Guard);

        var (exit, _, error) = await run.WaitAsync(Guard);
        Assert.True(exit == 3, error);
        Assert.Equal(1, gateway.ConnectionCount);
    }

    [Fact]
    public async Task Discord_down_at_start_is_waited_out_and_the_bot_then_connects_and_answers()
    {
        // More 503s than one call's own retries take: the call gives up, and the start-up waits and begins again.
        const int outage = RetryingSender.ApiAttempts + 2;
        api.FailNext("/applications/@me", 503, outage);

        run = await cli.RunSkippingWaitsAsync(gateway.NextConnectionAsync(Guard), stop.Token);

        Assert.Equal(outage + 1, api.Requests.Count(r => r.Path == "/api/v10/applications/@me"));
        Assert.Contains("You're in", Text(await InteractAsync(InGuild(2, Command("coffee join")))), StringComparison.Ordinal);
        Assert.Equal(0, await StopAsync());
    }

    [Fact]
    public async Task Commands_held_back_for_an_hour_stay_as_registered_and_the_bot_connects_anyway()
    {
        api.RateLimitNext("/commands", global: false, retryAfterSeconds: 3600);

        await StartAsync(stop.Token);

        Assert.Single(api.Requests, r => r.Method == "PUT");
        Assert.Contains("You're in", Text(await InteractAsync(InGuild(2, Command("coffee join")))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_token_stops_run_with_exit_code_3_and_no_retry()
    {
        api.FailNext("/applications/@me", 401);

        var (exit, _, error) = await cli.RunAsync(string.Empty, stop.Token, "run").WaitAsync(Guard);

        Assert.True(exit == 3, $"exit {exit}: {error}");
        Assert.Single(api.Requests, r => r.Path == "/api/v10/applications/@me");
        Assert.Equal(0, gateway.ConnectionCount);
    }

    [Fact]
    public async Task A_bot_that_fails_makes_run_exit_non_zero_with_one_line_naming_it()
    {
        // A 400 is neither a refused token nor an outage: a bug, which ends the bot instead of being retried.
        api.FailNext("/applications/@me", 400);

        var (exit, _, error) = await cli.RunAsync(string.Empty, stop.Token, "run").WaitAsync(Guard);

        Assert.True(exit == 4, $"exit {exit}: {error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("networkbot: DiscordBot failed", line, StringComparison.Ordinal);
        Assert.Contains("400", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, line, StringComparison.Ordinal);
    }

    private static JsonObject ValidOption(OptionSpec option) => option.Kind switch
    {
        OptionKind.Integer => Option(option.Name, 4, Math.Max(option.Min, 2)),
        OptionKind.Duration => Option(option.Name, 3, "1h30m"),
        OptionKind.Member => Option(option.Name, 6, UserId),
        OptionKind.Channel => Option(option.Name, 7, "345626669114982999"),
        OptionKind.Role => Option(option.Name, 8, "345626669114982000"),
        OptionKind.Date => Option(option.Name, 3, DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        OptionKind.Time => Option(option.Name, 3, "10:00"),
        OptionKind.TimeZone => Option(option.Name, 3, "Asia/Tokyo"),
        _ when option.Choices.Count > 0 => Option(option.Name, 3, option.Choices[0]),
        _ => Option(option.Name, 3, "rust"),
    };
}

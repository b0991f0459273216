using System.Text.Json;
using NetworkBot.Discord.Rest;
using NetworkBot.Discord.Rest.Payloads;

namespace NetworkBot.Discord.Tests.Rest;

public sealed class DiscordRestClientTests : IAsyncLifetime
{
    private static readonly Snowflake Channel = new(123);
    private DiscordRestHarness discord = null!;

    public async Task InitializeAsync() => discord = await DiscordRestHarness.StartAsync();

    public async Task DisposeAsync() => await discord.DisposeAsync();

    private RecordedRequest Only => Assert.Single(discord.Server.Requests);

    [Fact]
    public async Task Every_request_carries_bot_authorization_and_the_discord_user_agent()
    {
        await discord.Client.CreateMessageAsync(Channel, new DiscordMessagePayload("hi"), "n1", CancellationToken.None);

        Assert.Equal($"Bot {DiscordRestHarness.Token}", Only.Headers["Authorization"]);
        Assert.StartsWith("DiscordBot (https://github.com/networkbot/networkbot, ", Only.Headers["User-Agent"]);
        Assert.EndsWith(")", Only.Headers["User-Agent"]);
        Assert.StartsWith("application/json", Only.Headers["Content-Type"]);
    }

    [Fact]
    public async Task A_created_message_pings_nobody_and_carries_an_enforced_nonce()
    {
        var sent = await discord.Client.CreateMessageAsync(Channel, new DiscordMessagePayload("@everyone hello"), "outbox-42", CancellationToken.None);

        Assert.Equal(new Snowflake(1), sent.Id);
        Assert.Equal("POST", Only.Method);
        Assert.Equal("/api/v10/channels/123/messages", Only.Path);
        var body = Only.Json;
        Assert.Equal("@everyone hello", body.GetProperty("content").GetString());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("allowed_mentions").GetProperty("parse").ValueKind);
        Assert.Equal(0, body.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Equal("outbox-42", body.GetProperty("nonce").GetString());
        Assert.True(body.GetProperty("enforce_nonce").GetBoolean());
        Assert.False(body.TryGetProperty("embeds", out _));
    }

    [Fact]
    public async Task Explicit_mentions_list_their_ids_while_parse_stays_empty()
    {
        var mentions = new DiscordAllowedMentions(Users: [new Snowflake(77)]);
        await discord.Client.CreateMessageAsync(Channel, new DiscordMessagePayload("<@77> your pair is ready", AllowedMentions: mentions), "n1", CancellationToken.None);

        var allowed = Only.Json.GetProperty("allowed_mentions");
        Assert.Equal(0, allowed.GetProperty("parse").GetArrayLength());
        Assert.Equal("77", Assert.Single(allowed.GetProperty("users").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task A_message_sent_without_a_nonce_gets_one_of_at_most_25_characters()
    {
        await discord.Client.CreateMessageAsync(Channel, new DiscordMessagePayload("hi"), null, CancellationToken.None);

        var nonce = Only.Json.GetProperty("nonce").GetString();
        Assert.InRange(nonce!.Length, 1, DiscordRestClient.MaxNonceLength);
        Assert.True(Only.Json.GetProperty("enforce_nonce").GetBoolean());
    }

    [Fact]
    public async Task A_nonce_longer_than_25_characters_is_refused_before_anything_is_sent()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            discord.Client.CreateMessageAsync(Channel, new DiscordMessagePayload("hi"), new string('n', 26), CancellationToken.None));

        Assert.Empty(discord.Server.Requests);
    }

    [Fact]
    public async Task Embeds_and_components_from_the_renderer_go_out_as_given()
    {
        var embeds = JsonDocument.Parse("""[{"title":"Your pair","description":"Say hi"}]""").RootElement;
        var components = JsonDocument.Parse("""[{"type":1,"components":[{"type":2,"style":1,"label":"Done","custom_id":"done"}]}]""").RootElement;

        await discord.Client.CreateMessageAsync(Channel, new DiscordMessagePayload(Embeds: embeds, Components: components), "n1", CancellationToken.None);

        Assert.Equal("Your pair", Only.Json.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Equal("done", Only.Json.GetProperty("components")[0].GetProperty("components")[0].GetProperty("custom_id").GetString());
    }

    [Fact]
    public async Task Interaction_replies_go_to_the_callback_route_and_ping_nobody()
    {
        var reply = new DiscordInteractionResponse(DiscordInteractionResponse.ChannelMessageWithSource,
            new DiscordMessagePayload("@here done", Flags: DiscordMessagePayload.EphemeralFlag));
        discord.Server.Enqueue(204);

        await discord.Client.CreateInteractionResponseAsync(new Snowflake(9), "tok/en", reply, CancellationToken.None);

        Assert.Equal("/api/v10/interactions/9/tok%2Fen/callback", Only.Path);
        var body = Only.Json;
        Assert.Equal(4, body.GetProperty("type").GetInt32());
        Assert.Equal(64, body.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal(0, body.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.False(body.GetProperty("data").TryGetProperty("nonce", out _));
    }

    [Fact]
    public async Task A_deferred_reply_sends_only_its_type_and_a_modal_sends_its_form()
    {
        discord.Server.Enqueue(204);
        discord.Server.Enqueue(204);
        var form = JsonDocument.Parse("""[{"type":18,"label":"Why?","component":{"type":4,"custom_id":"why","style":2}}]""").RootElement;

        await discord.Client.CreateInteractionResponseAsync(new Snowflake(9), "t", new(DiscordInteractionResponse.DeferredChannelMessageWithSource), CancellationToken.None);
        await discord.Client.CreateInteractionResponseAsync(new Snowflake(9), "t",
            new(DiscordInteractionResponse.ModalType, Modal: new DiscordModalPayload("feedback", "Feedback", form)), CancellationToken.None);

        Assert.Equal("""{"type":5}""", discord.Server.Requests[0].Body);
        var modal = discord.Server.Requests[1].Json;
        Assert.Equal(9, modal.GetProperty("type").GetInt32());
        Assert.Equal("feedback", modal.GetProperty("data").GetProperty("custom_id").GetString());
        Assert.Equal("Feedback", modal.GetProperty("data").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Editing_the_original_reply_patches_the_webhook_message()
    {
        await discord.Client.EditOriginalInteractionResponseAsync(new Snowflake(555), "tok", new DiscordMessagePayload("done"), null, CancellationToken.None);

        Assert.Equal("PATCH", Only.Method);
        Assert.Equal("/api/v10/webhooks/555/tok/messages/@original", Only.Path);
        Assert.Equal(0, Only.Json.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public async Task Gateway_bot_parses_the_documented_response()
    {
        discord.Server.Enqueue(200, DiscordRestHarness.Fixture("rest_get_gateway_bot_response.docs.json"));

        var gateway = await discord.Client.GetGatewayBotAsync(CancellationToken.None);

        Assert.Equal("GET", Only.Method);
        Assert.Equal("/api/v10/gateway/bot", Only.Path);
        Assert.Equal("wss://gateway.discord.gg/", gateway.Url);
        Assert.Equal(9, gateway.Shards);
        Assert.Equal(new DiscordSessionStartLimit(1000, 999, 14_400_000, 1), gateway.SessionStartLimit);
        Assert.Equal(TimeSpan.FromHours(4), gateway.SessionStartLimit.ResetAfterTime);
    }

    [Fact]
    public async Task The_current_application_gives_the_id_commands_are_registered_under()
    {
        discord.Server.Enqueue(200, """{"id":"1234567890123456789","name":"NetworkBot","flags":0}""");

        var application = await discord.Client.GetCurrentApplicationAsync(CancellationToken.None);

        Assert.Equal("/api/v10/applications/@me", Only.Path);
        Assert.Equal(new Snowflake(1234567890123456789), application.Id);
    }

    [Fact]
    public async Task Bulk_overwrites_put_the_command_array_globally_or_for_one_guild()
    {
        var commands = JsonDocument.Parse("""[{"name":"pair","type":1,"description":"Pair me"}]""").RootElement;
        var answer = """[{"id":"5","application_id":"7","name":"pair","type":1,"description":"Pair me","version":"1"}]""";
        discord.Server.Enqueue(200, answer);
        discord.Server.Enqueue(200, answer);

        var global = await discord.Client.BulkOverwriteGlobalCommandsAsync(new Snowflake(7), commands, CancellationToken.None);
        await discord.Client.BulkOverwriteGuildCommandsAsync(new Snowflake(7), new Snowflake(8), commands, CancellationToken.None);

        Assert.Equal(("PUT", "/api/v10/applications/7/commands"), (discord.Server.Requests[0].Method, discord.Server.Requests[0].Path));
        Assert.Equal(("PUT", "/api/v10/applications/7/guilds/8/commands"), (discord.Server.Requests[1].Method, discord.Server.Requests[1].Path));
        Assert.Equal("pair", discord.Server.Requests[0].Json[0].GetProperty("name").GetString());
        Assert.Equal("pair", Assert.Single(global).Name);
    }

    [Fact]
    public async Task A_bulk_overwrite_that_is_not_an_array_is_refused_before_sending()
    {
        var notArray = JsonDocument.Parse("""{"name":"pair"}""").RootElement;

        await Assert.ThrowsAsync<ArgumentException>(() => discord.Client.BulkOverwriteGlobalCommandsAsync(new Snowflake(7), notArray, CancellationToken.None));
        Assert.Empty(discord.Server.Requests);
    }

    [Fact]
    public async Task Opening_a_dm_posts_the_recipient_id_as_a_string()
    {
        discord.Server.Enqueue(200, """{"id":"31","type":1}""");

        var dm = await discord.Client.CreateDmAsync(new Snowflake(42), CancellationToken.None);

        Assert.Equal("/api/v10/users/@me/channels", Only.Path);
        Assert.Equal("""{"recipient_id":"42"}""", Only.Body);
        Assert.Equal(new Snowflake(31), dm.Id);
    }

    [Fact]
    public async Task A_private_thread_is_type_12_not_invitable_and_archives_after_a_week()
    {
        discord.Server.Enqueue(201, """{"id":"44","type":12,"name":"Coffee","parent_id":"123"}""");

        var thread = await discord.Client.StartPrivateThreadAsync(Channel, "Coffee", CancellationToken.None);

        Assert.Equal("/api/v10/channels/123/threads", Only.Path);
        Assert.Equal("""{"name":"Coffee","type":12,"invitable":false,"auto_archive_duration":10080}""", Only.Body);
        Assert.Equal(new Snowflake(44), thread.Id);
    }

    [Fact]
    public async Task Thread_members_and_member_roles_use_their_routes_and_accept_204()
    {
        discord.Server.Enqueue(204);
        discord.Server.Enqueue(204);
        discord.Server.Enqueue(204);

        await discord.Client.AddThreadMemberAsync(new Snowflake(44), new Snowflake(42), CancellationToken.None);
        await discord.Client.AddGuildMemberRoleAsync(new Snowflake(1), new Snowflake(42), new Snowflake(3), CancellationToken.None);
        await discord.Client.RemoveGuildMemberRoleAsync(new Snowflake(1), new Snowflake(42), new Snowflake(3), CancellationToken.None);

        Assert.Equal(
            [("PUT", "/api/v10/channels/44/thread-members/42"), ("PUT", "/api/v10/guilds/1/members/42/roles/3"), ("DELETE", "/api/v10/guilds/1/members/42/roles/3")],
            discord.Server.Requests.Select(r => (r.Method, r.Path)));
        Assert.All(discord.Server.Requests, r => Assert.Equal("", r.Body));
    }

    [Fact]
    public async Task A_new_channel_sends_permission_overwrites_as_string_bitfields()
    {
        discord.Server.Enqueue(201, """{"id":"50","type":0,"name":"pairs"}""");
        var overwrites = new[]
        {
            new DiscordPermissionOverwrite(new Snowflake(1), DiscordPermissionOverwrite.RoleType, Allow: 0, Deny: 1 << 10),
            new DiscordPermissionOverwrite(new Snowflake(42), DiscordPermissionOverwrite.MemberType, Allow: (1UL << 10) | (1UL << 38), Deny: 0),
        };

        await discord.Client.CreateGuildChannelAsync(new Snowflake(1), new DiscordChannelCreate("pairs", 0, PermissionOverwrites: overwrites), CancellationToken.None);

        Assert.Equal("/api/v10/guilds/1/channels", Only.Path);
        var sent = Only.Json.GetProperty("permission_overwrites");
        Assert.Equal("1024", sent[0].GetProperty("deny").GetString());
        Assert.Equal("274877907968", sent[1].GetProperty("allow").GetString());
        Assert.Equal("42", sent[1].GetProperty("id").GetString());
        Assert.Equal(1, sent[1].GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task A_new_role_sends_its_permissions_as_a_string()
    {
        discord.Server.Enqueue(200, """{"id":"3","name":"Paired","position":2}""");

        var role = await discord.Client.CreateGuildRoleAsync(new Snowflake(1), new DiscordRoleCreate("Paired", Permissions: 0), CancellationToken.None);

        Assert.Equal("""{"name":"Paired","permissions":"0"}""", Only.Body);
        Assert.Equal(new Snowflake(3), role.Id);
    }

    [Fact]
    public async Task Scheduled_events_are_created_patched_with_only_what_changed_and_deleted()
    {
        var answer = """{"id":"60","guild_id":"1","name":"Coffee","status":1}""";
        discord.Server.Enqueue(200, answer);
        discord.Server.Enqueue(200, answer);
        discord.Server.Enqueue(204);
        var start = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

        var created = await discord.Client.CreateScheduledEventAsync(new Snowflake(1),
            new DiscordScheduledEventCreate("Coffee", start, EntityType: 3, ScheduledEndTime: start.AddHours(1), EntityMetadata: new("Lobby")), CancellationToken.None);
        await discord.Client.ModifyScheduledEventAsync(new Snowflake(1), created.Id, new DiscordScheduledEventModify(Status: 4), CancellationToken.None);
        await discord.Client.DeleteScheduledEventAsync(new Snowflake(1), created.Id, CancellationToken.None);

        var requests = discord.Server.Requests;
        Assert.Equal(("POST", "/api/v10/guilds/1/scheduled-events"), (requests[0].Method, requests[0].Path));
        var body = requests[0].Json;
        Assert.Equal(2, body.GetProperty("privacy_level").GetInt32());
        Assert.Equal(start, body.GetProperty("scheduled_start_time").GetDateTimeOffset());
        Assert.Equal("Lobby", body.GetProperty("entity_metadata").GetProperty("location").GetString());
        Assert.False(body.TryGetProperty("channel_id", out _));
        Assert.Equal(("PATCH", "/api/v10/guilds/1/scheduled-events/60", """{"status":4}"""), (requests[1].Method, requests[1].Path, requests[1].Body));
        Assert.Equal(("DELETE", "/api/v10/guilds/1/scheduled-events/60"), (requests[2].Method, requests[2].Path));
    }

    [Fact]
    public async Task A_base_url_with_a_trailing_slash_does_not_double_the_slash()
    {
        await using var slashed = await DiscordRestHarness.StartAsync(baseUrlSuffix: "/");

        await slashed.Client.GetCurrentApplicationAsync(CancellationToken.None);

        Assert.Equal("/api/v10/applications/@me", Assert.Single(slashed.Server.Requests).Path);
    }
}

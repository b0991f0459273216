using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Introductions;
using NetworkBot.Discord.Interactions;
using NetworkBot.Discord.Rendering;
using NetworkBot.Discord.Rest;
using NetworkBot.Discord.Tests.Rest;
using NetworkBot.Tests;
using static NetworkBot.Discord.Tests.Fixtures.InteractionJson;

namespace NetworkBot.Discord.Tests.Interactions;

public sealed class InteractionResponderTests : IAsyncLifetime
{
    private static readonly CommunityId Guild = CommunityId.For("discord", GuildId);
    private InteractionHarness harness = null!;

    public async Task InitializeAsync() => harness = await InteractionHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private static int Type(JsonElement callback) => callback.GetProperty("type").GetInt32();

    [Fact]
    public async Task A_slash_command_runs_in_core_and_is_answered_privately_without_mentions()
    {
        await harness.RespondAsync(InGuild(2, Command("coffee join")));

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal(("POST", "/api/v10/interactions/846462639134605312/unique_interaction_token/callback"), (request.Method, request.Path));
        var callback = harness.Callback();
        Assert.Equal(4, Type(callback));
        var data = callback.GetProperty("data");
        Assert.Equal(InteractionCallbackData.EphemeralFlag, data.GetProperty("flags").GetInt32());
        Assert.Equal(0, data.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Contains("You're in", InteractionHarness.Text(data), StringComparison.Ordinal);
        Assert.True((await harness.Store.GetMemberAsync(Guild, new MemberId(UserId), CancellationToken.None))!.Coffee.Joined);
    }

    [Fact]
    public async Task The_reply_follows_the_callers_discord_language()
    {
        var interaction = InGuild(2, Command("coffee join"));
        interaction["locale"] = "ja";

        await harness.RespondAsync(interaction);

        Assert.Contains("参加しました", InteractionHarness.Text(harness.Callback().GetProperty("data")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Intro_set_without_options_opens_a_modal_first()
    {
        await harness.RespondAsync(InGuild(2, Command("intro set")));

        var callback = harness.Callback();
        Assert.Equal(9, Type(callback));
        Assert.Equal("Your introduction", callback.GetProperty("data").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_submitted_modal_saves_the_introduction()
    {
        await harness.RespondAsync(InGuild(2, Command("intro set")));
        var modal = harness.Callback().GetProperty("data");
        var submit = new JsonObject
        {
            ["custom_id"] = modal.GetProperty("custom_id").GetString(),
            ["components"] = new JsonArray(new JsonObject
            {
                ["type"] = 18,
                ["component"] = new JsonObject { ["type"] = 4, ["custom_id"] = "pitch", ["value"] = "I build @everyone's tools" },
            }),
        };

        await harness.RespondAsync(InGuild(5, submit));

        var member = await harness.Store.GetMemberAsync(Guild, new MemberId(UserId), CancellationToken.None);
        Assert.Equal("I build @everyone's tools", member!.Profile.Pitch);
        var answer = JsonDocument.Parse(harness.Server.Requests[^1].Body).RootElement;
        Assert.Equal(0, answer.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public async Task A_slow_command_is_deferred_then_the_original_reply_is_edited()
    {
        harness.Gate.Close();
        var responding = harness.RespondAsync(InGuild(2, Command("coffee join")));
        await harness.Clock.WaitForTimersAsync(1);
        Assert.Empty(harness.Server.Requests);

        harness.Clock.Advance(InteractionResponder.DeferAfter);
        await harness.Server.WaitForRequestsAsync(1);
        var defer = harness.Callback();
        Assert.Equal(5, Type(defer));
        Assert.Equal(InteractionCallbackData.EphemeralFlag, defer.GetProperty("data").GetProperty("flags").GetInt32());

        harness.Gate.Open();
        await responding;

        var edit = harness.Server.Requests[^1];
        Assert.Equal(("PATCH", "/api/v10/webhooks/290926444748734465/unique_interaction_token/messages/@original"), (edit.Method, edit.Path));
        Assert.Contains("You're in", InteractionHarness.Text(JsonDocument.Parse(edit.Body).RootElement), StringComparison.Ordinal);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task Autocomplete_offers_the_guilds_interest_groups()
    {
        await harness.RespondAsync(InGuild(2, Command("admin interests create", Option("name", 3, "rust")), Member(permissions: "32")));
        await harness.RespondAsync(InGuild(2, Command("admin interests create", Option("name", 3, "go")), Member(permissions: "32")));

        await harness.RespondAsync(InGuild(4, Command("interests join", Option("name", 3, "ru", focused: true))));

        var callback = JsonDocument.Parse(harness.Server.Requests[^1].Body).RootElement;
        Assert.Equal(8, Type(callback));
        Assert.Equal(["rust"], callback.GetProperty("data").GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task Autocomplete_of_asks_cancel_lists_the_callers_own_open_asks_filtered_with_names_discord_accepts()
    {
        var longRequest = "someone who has taken a payments licence through the Monetary Authority of Singapore and can explain the timeline";
        foreach (var request in new[] { longRequest, "a kubernetes mentor", "a japanese tutor" })
        {
            await harness.RespondAsync(InGuild(2, Command("ask", Option("request", 3, request))));
        }

        var asks = await harness.Store.ListMemberAsksAsync(Guild, new MemberId(UserId), CancellationToken.None);
        await harness.RespondAsync(InGuild(2, Command("asks cancel", Option("ask", 3, asks.Single(a => a.Request.Contains("tutor")).Id.Value))));
        var someoneElses = new Ask(Guild, new AskId("zz99zzzz"), new MemberId("80351110224678912"), "a kubernetes operator", harness.Clock.GetUtcNow(), harness.Clock.GetUtcNow().AddDays(14), AskStatus.Open, []);
        await harness.Store.SaveAskAsync(someoneElses, [], connection: null, CancellationToken.None);

        var all = await SuggestedAsync("");
        var kubernetes = await SuggestedAsync("kube");

        Assert.Equal(asks.Where(a => !a.Request.Contains("tutor")).Select(a => a.Id.Value).Order(), all.Select(c => c.Value).Order());
        Assert.All(all, c => Assert.InRange(c.Name.Length, 1, 100));
        Assert.StartsWith($"{asks.Single(a => a.Request == longRequest).Id} · someone who has taken", all.Single(c => c.Name.Contains("licence", StringComparison.Ordinal)).Name, StringComparison.Ordinal);
        Assert.Equal([asks.Single(a => a.Request.Contains("mentor")).Id.Value], kubernetes.Select(c => c.Value));
    }

    /// <summary>The choices Discord is sent while the caller types <paramref name="typed"/> into <c>/asks cancel</c>'s id.</summary>
    private async Task<List<(string Name, string Value)>> SuggestedAsync(string typed)
    {
        await harness.RespondAsync(InGuild(4, Command("asks cancel", Option("ask", 3, typed, focused: true))));
        var callback = JsonDocument.Parse(harness.Server.Requests[^1].Body).RootElement;
        Assert.Equal(8, Type(callback));
        return [.. callback.GetProperty("data").GetProperty("choices").EnumerateArray().Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("value").GetString()!))];
    }

    [Fact]
    public async Task Manager_commands_are_checked_on_every_call_whatever_discord_allowed()
    {
        await harness.RespondAsync(InGuild(2, Command("admin interests create", Option("name", 3, "rust")), Member(permissions: "2048")));

        Assert.Contains("managers", InteractionHarness.Text(harness.Callback().GetProperty("data")), StringComparison.Ordinal);
        Assert.Empty(await harness.Store.ListInterestsAsync(Guild, includeArchived: true, CancellationToken.None));
    }

    [Fact]
    public async Task A_button_nobody_can_read_gets_a_polite_private_answer_in_the_callers_language()
    {
        var interaction = InGuild(3, new JsonObject { ["custom_id"] = "someone-elses-button", ["component_type"] = 2 });
        interaction["locale"] = "ja";

        await harness.RespondAsync(interaction);

        var data = harness.Callback().GetProperty("data");
        Assert.Equal(InteractionCallbackData.EphemeralFlag, data.GetProperty("flags").GetInt32());
        Assert.Contains("読み取れませんでした", InteractionHarness.Text(data), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_calendar_file_is_uploaded_with_the_answer()
    {
        var manager = () => Member(permissions: "32");
        await harness.RespondAsync(InGuild(2, Command("admin events create",
            Option("title", 3, "Morning pitch"), Option("date", 3, "2026-12-03"), Option("time", 3, "08:00"), Option("timezone", 3, "Asia/Tokyo")), manager()));

        await harness.RespondAsync(InGuild(2, Command("events ics", Option("event", 3, "Morning pitch"))));

        var upload = harness.Server.Requests[^1];
        Assert.StartsWith("multipart/form-data; boundary=", upload.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains("name=\"payload_json\"", upload.Body, StringComparison.Ordinal);
        Assert.Contains("name=\"files[0]\"; filename=", upload.Body, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VCALENDAR", upload.Body, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Morning pitch", upload.Body, StringComparison.Ordinal);
        Assert.Contains("\"attachments\":[{\"id\":0,\"filename\":", upload.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_export_is_answered_first_and_its_file_goes_to_the_members_dm_not_the_ephemeral_answer()
    {
        await harness.RespondAsync(InGuild(2, Command("coffee join")));
        await harness.RespondAsync(InGuild(2, Command("privacy export")));

        var requests = harness.Server.Requests.Skip(1).ToList();
        Assert.Equal(
            ["POST /api/v10/interactions/846462639134605312/unique_interaction_token/callback", "POST /api/v10/users/@me/channels", "POST /api/v10/channels/1/messages"],
            requests.Select(r => $"{r.Method} {r.Path}"));
        var answer = requests[0];
        Assert.StartsWith("application/json", answer.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains("sent to you alone", InteractionHarness.Text(answer.Json.GetProperty("data")), StringComparison.Ordinal);
        Assert.Equal(UserId, requests[1].Json.GetProperty("recipient_id").GetString());
        var file = MultipartForm.Named(requests[2].Body, "files[0]");
        Assert.Equal("networkbot-data.json", file.FileName);
        Assert.Equal(UserId, JsonDocument.Parse(file.Content).RootElement.GetProperty("member").GetString());
    }

    [Fact]
    public async Task With_dms_closed_the_export_follows_privately_in_the_language_the_member_chose_not_their_discord_locale()
    {
        await harness.RespondAsync(InGuild(2, Command("intro set", Option("language", 3, "ja"))));
        harness.Server.Enqueue(200, FakeDiscordServer.DefaultBody);
        harness.Server.Enqueue(200, FakeDiscordServer.DefaultBody);
        harness.Server.Enqueue(403, $$"""{"code":{{DiscordApiError.CannotSendMessagesToThisUser}},"message":"Cannot send messages to this user"}""");
        var export = InGuild(2, Command("privacy export"));
        export["locale"] = "en-US";

        await harness.RespondAsync(export);

        var followUp = harness.Server.Requests[^1];
        Assert.StartsWith("POST /api/v10/webhooks/", $"{followUp.Method} {followUp.Path}", StringComparison.Ordinal);
        var payload = JsonDocument.Parse(MultipartForm.Named(followUp.Body, "payload_json").Content).RootElement;
        Assert.Contains("DM を受け取らない設定", payload.GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interaction_that_expired_is_logged_not_thrown()
    {
        harness.Server.Enqueue(404, """{"code":10062,"message":"Unknown interaction"}""");

        await harness.RespondAsync(InGuild(2, Command("coffee status")));

        Assert.Single(harness.Server.Requests);
    }

    // The defer deadline belongs to the interaction's receipt, not to a free handler: slow handlers elsewhere never
    // push an answer past Discord's 3 seconds. The clock is moved by hand and the slow handlers are held by the gate.

    private static JsonObject CoffeeJoin(int n)
    {
        var interaction = InGuild(2, Command("coffee join"));
        interaction["id"] = (846462639134605312L + n).ToString(CultureInfo.InvariantCulture);
        interaction["token"] = $"token-{n}";
        return interaction;
    }

    private IReadOnlyList<JsonElement> Callbacks() =>
        [.. harness.Server.Requests.Where(r => r.Path.EndsWith("/callback", StringComparison.Ordinal)).Select(r => JsonDocument.Parse(r.Body).RootElement)];

    [Fact]
    public async Task With_every_handler_place_taken_by_a_slow_command_a_new_interaction_is_still_deferred_on_time()
    {
        harness.Gate.Close();
        var count = InteractionResponder.MaxConcurrentHandlers + 1;
        var responding = Enumerable.Range(0, count).Select(n => harness.RespondAsync(CoffeeJoin(n))).ToList();

        // One deadline per interaction, the last one's too although no handler place is free for it.
        await harness.Clock.WaitForTimersAsync(count);
        Assert.Empty(harness.Server.Requests);
        harness.Clock.Advance(InteractionResponder.DeferAfter);
        await harness.Server.WaitForRequestsAsync(count);

        Assert.All(Callbacks(), callback => Assert.Equal(5, callback.GetProperty("type").GetInt32()));
        var callbackPaths = harness.Server.Requests.Where(r => r.Path.EndsWith("/callback", StringComparison.Ordinal)).Select(r => r.Path).ToList();
        Assert.Equal(count, callbackPaths.Distinct(StringComparer.Ordinal).Count());

        harness.Gate.Open();
        await Task.WhenAll(responding);
        Assert.Equal(count, harness.Server.Requests.Count(r => r.Method == "PATCH"));
        Assert.Equal(count, Callbacks().Count);
    }

    [Fact]
    public async Task The_defer_deadline_runs_from_when_the_interaction_was_received()
    {
        harness.Gate.Close();
        var waited = TimeSpan.FromMilliseconds(1400);
        var responding = harness.Get<InteractionResponder>().RespondAsync(
            JsonDocument.Parse(CoffeeJoin(1).ToJsonString()).RootElement, harness.Clock.GetUtcNow() - waited, CancellationToken.None);
        await harness.Clock.WaitForTimersAsync(1);

        harness.Clock.Advance(InteractionResponder.DeferAfter - waited);
        await harness.Server.WaitForRequestsAsync(1);

        Assert.Equal(5, Assert.Single(Callbacks()).GetProperty("type").GetInt32());
        harness.Gate.Open();
        await responding;
        Assert.Single(Callbacks());
    }
}

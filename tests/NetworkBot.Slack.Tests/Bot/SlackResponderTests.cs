using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Texts;
using NetworkBot.Slack.BlockKit;
using NetworkBot.Slack.Bot;
using NetworkBot.Slack.Inbound;
using static NetworkBot.Slack.Tests.Bot.SlackBotHarness;

namespace NetworkBot.Slack.Tests.Bot;

public sealed class SlackResponderTests : IAsyncLifetime
{
    private SlackBotHarness harness = null!;

    public async Task InitializeAsync() => harness = await SlackBotHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    /// <summary>The JSON as Slack reads it, without System.Text.Json's extra escaping of &amp;, &lt; and quotes.</summary>
    private static string Raw(JsonNode? node) =>
        node?.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "";

    private static string Text(JsonNode? ack) => ack?["text"]?.GetValue<string>() ?? "";

    private Task<Member?> AikoAsync() => harness.Store.GetMemberAsync(Workspace, new MemberId(User), CancellationToken.None);

    [Fact]
    public async Task A_slash_command_answered_in_time_is_the_ephemeral_acknowledgement()
    {
        var ack = await harness.CommandAsync("coffee join");

        Assert.Equal("ephemeral", ack?["response_type"]?.GetValue<string>());
        Assert.Contains("You're in!", Text(ack), StringComparison.Ordinal);
        Assert.NotNull(ack?["blocks"]);
        Assert.True((await AikoAsync())!.Coffee.Joined);
        Assert.DoesNotContain(harness.Api.Calls, c => c.Method is "chat.postEphemeral");
    }

    [Fact]
    public async Task Members_are_known_by_the_name_slack_shows_not_by_their_legacy_handle()
    {
        // user_name is "aiko"; the group messages, summaries and name lookups must say what Slack shows.
        harness.Api.AddUser(User, "aiko", displayName: "Aiko Tanaka");

        await harness.CommandAsync("coffee join");
        Assert.Equal("Aiko Tanaka", (await AikoAsync())!.DisplayName);

        // A member the bot knows by name is not looked up again: a rush of members costs no users.info calls.
        harness.Clock.Advance(SlackCallers.CacheFor);
        await harness.CommandAsync("coffee status");
        Assert.Single(harness.Api.Calls, c => c.Method == "users.info");
        Assert.Equal("Aiko Tanaka", (await AikoAsync())!.DisplayName);
    }

    [Fact]
    public async Task A_member_slack_would_not_name_keeps_the_handle_until_it_does()
    {
        harness.Api.FailNext("users.info", "user_not_found");
        await harness.CommandAsync("coffee join");
        Assert.Equal("aiko", (await AikoAsync())!.DisplayName);

        harness.Api.AddUser(User, "aiko", displayName: "Aiko Tanaka");
        harness.Clock.Advance(SlackCallers.CacheFor);
        await harness.CommandAsync("coffee status");
        Assert.Equal("Aiko Tanaka", (await AikoAsync())!.DisplayName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("help")]
    public async Task Empty_text_or_help_shows_the_help(string text) =>
        Assert.Contains(Messages.HelpTitle.En, Text(await harness.CommandAsync(text)), StringComparison.Ordinal);

    [Fact]
    public async Task Quoted_values_and_positional_options_are_read_like_the_shell_does()
    {
        Assert.Contains("Created the interest group", Text(await harness.CommandAsync("admin interests create \"rust lang\"", Admin)), StringComparison.Ordinal);

        Assert.Contains(InterestTexts.InterestJoined.Format(Language.En, "rust lang"), Text(await harness.CommandAsync("interests join \"rust lang\"")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manager_only_commands_ask_slack_whether_the_caller_administers_the_workspace()
    {
        var refused = await harness.CommandAsync("admin coffee stats");
        var allowed = await harness.CommandAsync("admin coffee stats", Admin);

        Assert.Contains("Only community managers can use `/network admin coffee stats`", Text(refused), StringComparison.Ordinal);
        Assert.DoesNotContain("Only community managers", Text(allowed), StringComparison.Ordinal);
        Assert.Equal([User, Admin], harness.Api.Calls.Where(c => c.Method == "users.info").Select(c => c.Arg("user")));
    }

    [Fact]
    public async Task Slack_is_asked_once_a_minute_at_most_whether_a_caller_is_a_manager()
    {
        await harness.CommandAsync("admin coffee stats", Admin);
        await harness.CommandAsync("admin coffee preview", Admin);
        harness.Clock.Advance(SlackCallers.CacheFor);
        await harness.CommandAsync("admin coffee stats", Admin);

        Assert.Equal(2, harness.Api.Calls.Count(c => c.Method == "users.info"));
    }

    [Fact]
    public async Task A_form_whose_trigger_expired_tells_the_member_to_try_again()
    {
        harness.Api.FailNext("views.open", "expired_trigger_id");

        Assert.Null(await harness.CommandAsync("intro set"));

        var answer = Assert.Single(harness.Api.Calls, c => c.Method == "chat.postEphemeral");
        Assert.Contains(Messages.SlackFormExpired.En, answer.Arg("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_the_bot_may_not_post_in_the_channel_arrives_by_dm()
    {
        harness.Api.FailNext("chat.postEphemeral", "channel_not_found");

        await harness.HandleAsync(SlackInboundKind.Interactive,
            BlockAction(SlackActionValues.ButtonActionId(0), SlackActionValues.Encode(CommandInvocation.Of("coffee join"))));

        var dm = Assert.Single(harness.Api.Messages);
        Assert.StartsWith("D", dm.Channel, StringComparison.Ordinal);
        Assert.Contains("You're in!", dm.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_command_is_acknowledged_empty_and_its_answer_follows_ephemerally()
    {
        harness.Gate.Close();
        var timers = harness.Clock.TimersCreated;
        var (inbound, handled) = harness.Deliver(SlackInboundKind.SlashCommand, SlashCommand("coffee join"));
        await harness.Clock.WaitForTimersAsync(timers + 2); // the ack deadline and the answer window

        harness.Clock.Advance(SlackResponder.AnswerWithin);
        Assert.Null(await inbound.Acknowledgement.WaitAsync(harness.Timeout));
        harness.Gate.Open();
        await handled.WaitAsync(harness.Timeout);

        var posted = Assert.Single(harness.Api.Calls, c => c.Method == "chat.postEphemeral");
        Assert.Equal((Channel, User), (posted.Arg("channel"), posted.Arg("user")));
        Assert.Contains("You're in!", posted.Arg("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_ready_after_the_deadline_goes_by_the_commands_response_url()
    {
        harness.Gate.Close();
        var timers = harness.Clock.TimersCreated;
        var command = SlashCommand("coffee join");
        command["response_url"] = harness.Api.ResponseUrl("late").ToString();
        var (inbound, handled) = harness.Deliver(SlackInboundKind.SlashCommand, command);
        await harness.Clock.WaitForTimersAsync(timers + 2);

        harness.Clock.Advance(SlackInbound.AckDeadline);
        Assert.Null(await inbound.Acknowledgement.WaitAsync(harness.Timeout));
        harness.Gate.Open();
        await handled.WaitAsync(harness.Timeout);

        var answer = Assert.Single(harness.Api.HookPosts);
        Assert.Equal(("late", "ephemeral"), (answer.Id, answer.Body["response_type"]?.GetValue<string>()));
        Assert.Contains("You're in!", answer.Text, StringComparison.Ordinal);
        Assert.Equal("", answer.Authorization);
        Assert.DoesNotContain(harness.Api.Calls, c => c.Method is "chat.postEphemeral" or "chat.postMessage");
    }

    [Fact]
    public async Task A_button_is_answered_by_its_response_url_and_an_expired_one_falls_back_to_an_ephemeral_message()
    {
        var press = BlockAction(SlackActionValues.ButtonActionId(0), SlackActionValues.Encode(CommandInvocation.Of("coffee status")));
        press["response_url"] = harness.Api.ResponseUrl("button").ToString();
        await harness.HandleAsync(SlackInboundKind.Interactive, press);
        press["response_url"] = harness.Api.ResponseUrl("expired-button").ToString();
        await harness.HandleAsync(SlackInboundKind.Interactive, press);

        Assert.Equal("button", Assert.Single(harness.Api.HookPosts).Id);
        Assert.Single(harness.Api.Calls, c => c.Method == "chat.postEphemeral");
    }

    [Fact]
    public async Task Intro_set_opens_its_modal_on_the_trigger_and_a_valid_submission_saves_it()
    {
        var command = SlashCommand("intro set");
        var ack = await harness.HandleAsync(SlackInboundKind.SlashCommand, command);

        Assert.Null(ack);
        var open = Assert.Single(harness.Api.Calls, c => c.Method == "views.open");
        Assert.Equal(command["trigger_id"]!.GetValue<string>(), open.Arg("trigger_id"));
        var view = open.Args["view"]!;
        Assert.Equal("modal", view["type"]!.GetValue<string>());

        var submitted = await harness.HandleAsync(SlackInboundKind.Interactive, Submission(view, new Dictionary<string, string?>
        {
            ["pitch"] = "I build community tools.",
            ["role"] = "Engineer",
            ["industry"] = null,
            ["offers"] = "code review, mentoring",
            ["seeks"] = "",
        }));

        Assert.Equal("clear", submitted?["response_action"]?.GetValue<string>());
        var profile = (await AikoAsync())!.Profile;
        Assert.Equal(("I build community tools.", "Engineer"), (profile.Pitch, profile.Role));
        Assert.Equal(["code review", "mentoring"], profile.Offers);
        var answer = Assert.Single(harness.Api.Calls, c => c.Method == "chat.postEphemeral");
        Assert.Equal(Channel, answer.Arg("channel"));
        Assert.Contains("Saved your introduction", answer.Arg("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_submission_shows_the_error_under_its_field_and_changes_nothing()
    {
        await harness.HandleAsync(SlackInboundKind.SlashCommand, SlashCommand("intro set"));
        var view = harness.Api.Calls.Single(c => c.Method == "views.open").Args["view"]!;

        var ack = await harness.HandleAsync(SlackInboundKind.Interactive, Submission(view, new Dictionary<string, string?>
        {
            ["pitch"] = new string('x', 281),
            ["role"] = "Engineer",
        }));

        Assert.Equal("errors", ack?["response_action"]?.GetValue<string>());
        var errors = ack!["errors"]!.AsObject();
        Assert.Equal(["pitch"], errors.Select(e => e.Key));
        Assert.Contains("too long", errors["pitch"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True((await AikoAsync())?.Profile.IsEmpty ?? true);
    }

    [Fact]
    public async Task Field_errors_are_in_the_callers_language()
    {
        await harness.CommandAsync("intro set language:ja");
        await harness.HandleAsync(SlackInboundKind.SlashCommand, SlashCommand("intro set"));
        var view = harness.Api.Calls.Single(c => c.Method == "views.open").Args["view"]!;

        var ack = await harness.HandleAsync(SlackInboundKind.Interactive, Submission(view, new Dictionary<string, string?> { ["role"] = new string('x', 101) }));

        Assert.Contains("長すぎます", ack!["errors"]!["role"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_button_runs_its_command_and_answers_beside_its_message()
    {
        var (inbound, handled) = harness.Deliver(SlackInboundKind.Interactive,
            BlockAction(SlackActionValues.ButtonActionId(0), SlackActionValues.Encode(CommandInvocation.Of("coffee join"))));

        Assert.Null(await inbound.Acknowledgement.WaitAsync(harness.Timeout));
        await handled.WaitAsync(harness.Timeout);

        Assert.True((await AikoAsync())!.Coffee.Joined);
        var answer = Assert.Single(harness.Api.Calls, c => c.Method == "chat.postEphemeral");
        Assert.Equal((Channel, User), (answer.Arg("channel"), answer.Arg("user")));
    }

    [Fact]
    public async Task A_select_fills_the_option_it_names()
    {
        await harness.CommandAsync("coffee join");
        var actionId = SlackActionValues.EncodeSelect(CommandInvocation.Of("coffee pause"), "until");

        await harness.HandleAsync(SlackInboundKind.Interactive, BlockAction(actionId, "2026-12-24", selected: true));

        Assert.Equal(new DateOnly(2026, 12, 24), (await AikoAsync())!.Coffee.PausedUntil);
    }

    [Fact]
    public async Task An_action_that_is_not_ours_gets_a_polite_not_understood()
    {
        await harness.HandleAsync(SlackInboundKind.Interactive, BlockAction("someone-elses-button", "do-things"));

        var answer = Assert.Single(harness.Api.Calls, c => c.Method == "chat.postEphemeral");
        Assert.Contains(SlackText.Escape(Messages.NotUnderstood.En), answer.Arg("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_button_of_the_app_home_answers_by_dm_and_redraws_the_home()
    {
        await harness.HandleAsync(SlackInboundKind.Interactive,
            BlockAction(SlackActionValues.ButtonActionId(0), SlackActionValues.Encode(CommandInvocation.Of("coffee join")), onHome: true));

        Assert.Single(harness.Api.Calls, c => c.Method == "conversations.open" && c.Arg("users") == User);
        Assert.Contains(harness.Api.Messages, m => m.Text!.Contains("You're in!", StringComparison.Ordinal));
        var home = Assert.Single(harness.Api.Calls, c => c.Method == "views.publish");
        Assert.Equal(User, home.Arg("user_id"));
        Assert.Contains("coffee%20skip", home.Args["view"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_the_app_home_publishes_the_members_intro_coffee_status_and_interests()
    {
        await harness.CommandAsync("admin interests create rust", Admin);

        await harness.HandleAsync(SlackInboundKind.Event, Event(new JsonObject { ["type"] = "app_home_opened", ["user"] = User, ["tab"] = "home" }));

        var publish = Assert.Single(harness.Api.Calls, c => c.Method == "views.publish");
        var view = publish.Args["view"]!;
        Assert.Equal("home", view["type"]!.GetValue<string>());
        var json = Raw(view);
        Assert.Contains(Messages.SlackHomeNoIntro.En, json, StringComparison.Ordinal);
        Assert.Contains("coffee%20join", json, StringComparison.Ordinal);
        Assert.Contains("intro%20set", json, StringComparison.Ordinal);
        Assert.Contains("interests%20join?name=rust", json, StringComparison.Ordinal);
        Assert.Equal("aiko", (await AikoAsync())!.DisplayName);
    }

    [Fact]
    public async Task The_app_home_lists_upcoming_events_with_a_going_button_until_the_member_answers()
    {
        await harness.CommandAsync("admin events create title:\"Morning pitch\" date:2026-12-03 time:08:00 timezone:Asia/Tokyo", Admin);
        await harness.CommandAsync("admin events create title:\"Last week\" date:2026-11-01 time:08:00 timezone:Asia/Tokyo", Admin);
        var open = Event(new JsonObject { ["type"] = "app_home_opened", ["user"] = User, ["tab"] = "home" });

        await harness.HandleAsync(SlackInboundKind.Event, open);

        var first = Raw(harness.Api.Calls.Last(c => c.Method == "views.publish").Args["view"]);
        Assert.Contains("Morning pitch", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Last week", first, StringComparison.Ordinal);
        Assert.Contains("events%20rsvp?", first, StringComparison.Ordinal);
        Assert.Contains("date^1796252400^", first, StringComparison.Ordinal);

        var id = (await harness.Store.ListEventsAsync(Workspace, includeCancelled: false, CancellationToken.None)).Single(e => e.Title == "Morning pitch").Id.Value;
        await harness.HandleAsync(SlackInboundKind.Interactive, BlockAction(
            SlackActionValues.ButtonActionId(0), SlackActionValues.Encode(CommandInvocation.Of(EventCard.RsvpPath, ("event", id), ("status", "going"))), onHome: true));

        var after = Raw(harness.Api.Calls.Last(c => c.Method == "views.publish").Args["view"]);
        Assert.DoesNotContain("events%20rsvp?", after, StringComparison.Ordinal);
        Assert.Contains(EventCard.Status(RsvpStatus.Going, Language.En), after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_deactivated_in_the_workspace_has_coffee_chats_paused()
    {
        await harness.CommandAsync("coffee join");

        await harness.HandleAsync(SlackInboundKind.Event, Event(new JsonObject
        {
            ["type"] = "user_change",
            ["user"] = new JsonObject { ["id"] = User, ["name"] = "aiko", ["deleted"] = true },
        }));

        Assert.Equal(CoffeeEnrollment.PausedIndefinitely, (await AikoAsync())!.Coffee.PausedUntil);
    }

    [Fact]
    public async Task A_member_reactivated_or_joining_again_within_the_retention_period_keeps_their_data()
    {
        await harness.CommandAsync("coffee join");
        JsonObject Changed(bool deleted) => Event(new JsonObject { ["type"] = "user_change", ["user"] = new JsonObject { ["id"] = User, ["name"] = "aiko", ["deleted"] = deleted } });

        await harness.HandleAsync(SlackInboundKind.Event, Changed(deleted: true));
        Assert.NotNull((await AikoAsync())!.LeftAt);
        await harness.HandleAsync(SlackInboundKind.Event, Changed(deleted: false));
        Assert.Null((await AikoAsync())!.LeftAt);

        await harness.HandleAsync(SlackInboundKind.Event, Changed(deleted: true));
        await harness.HandleAsync(SlackInboundKind.Event, Event(new JsonObject { ["type"] = "team_join", ["user"] = new JsonObject { ["id"] = User, ["name"] = "aiko", ["deleted"] = false } }));
        var back = (await AikoAsync())!;
        Assert.Null(back.LeftAt);
        Assert.Equal(CoffeeEnrollment.PausedIndefinitely, back.Coffee.PausedUntil);
    }

    [Fact]
    public async Task A_profile_change_that_is_not_a_deactivation_changes_nothing()
    {
        await harness.CommandAsync("coffee join");

        await harness.HandleAsync(SlackInboundKind.Event, Event(new JsonObject
        {
            ["type"] = "user_change",
            ["user"] = new JsonObject { ["id"] = User, ["name"] = "aiko", ["deleted"] = false },
        }));

        Assert.Null((await AikoAsync())!.Coffee.PausedUntil);
    }

    [Fact]
    public async Task An_events_calendar_file_is_shared_in_the_members_dm()
    {
        await harness.CommandAsync("admin events create title:\"Morning pitch\" date:2026-12-03 time:08:00 timezone:Asia/Tokyo", Admin);

        await harness.CommandAsync("events ics \"Morning pitch\"");

        var ticket = Assert.Single(harness.Api.Calls, c => c.Method == "files.getUploadURLExternal");
        Assert.EndsWith(".ics", ticket.Arg("filename"), StringComparison.Ordinal);
        var upload = Assert.Single(harness.Api.Calls, c => c.Method == "F0UPLOAD");
        Assert.Contains("BEGIN:VCALENDAR", upload.Body, StringComparison.Ordinal);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(upload.Body).ToString(System.Globalization.CultureInfo.InvariantCulture), ticket.Arg("length"));
        var complete = Assert.Single(harness.Api.Calls, c => c.Method == "files.completeUploadExternal");
        Assert.Contains(harness.Api.Calls, c => c.Method == "conversations.open" && c.Arg("users") == User);
        Assert.StartsWith("D", complete.Arg("channel_id"), StringComparison.Ordinal);
        Assert.Contains("F0UPLOAD", complete.Arg("files"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_new_joining_a_community_channel_is_welcomed_once_and_other_channels_are_ignored()
    {
        await harness.CommandAsync("admin setup coffee-channel:C0COFFEE", Admin);
        harness.Api.AddUser("U0NEWBIE", "newbie");
        JsonObject Joined(string channel) => Event(new JsonObject { ["type"] = "member_joined_channel", ["user"] = "U0NEWBIE", ["channel"] = channel, ["channel_type"] = "C" });

        await harness.HandleAsync(SlackInboundKind.Event, Joined("C0RANDOM"));
        Assert.Empty(harness.Api.Messages);

        await harness.HandleAsync(SlackInboundKind.Event, Joined("C0COFFEE"));
        await harness.HandleAsync(SlackInboundKind.Event, Joined("C0COFFEE"));
        await harness.DeliverOutboxAsync();

        var welcome = Assert.Single(harness.Api.Messages);
        Assert.Contains("coffee%20join", welcome.Blocks!.ToJsonString(), StringComparison.Ordinal);
        Assert.Single(harness.Api.Calls, c => c.Method == "chat.postMessage" && c.Arg("channel") == "U0NEWBIE"); // Slack posts it in their DM
        Assert.StartsWith("D", welcome.Channel, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_workspace_member_is_welcomed_by_dm_with_buttons_to_opt_in_once_however_often_the_event_is_handled()
    {
        var joined = Event(new JsonObject
        {
            ["type"] = "team_join",
            ["user"] = new JsonObject { ["id"] = "U0NEWBIE", ["name"] = "newbie", ["is_bot"] = false, ["deleted"] = false },
        });

        // Handled twice, as when Slack's retry reaches another instance, which has not seen the first delivery.
        await harness.HandleAsync(SlackInboundKind.Event, joined);
        await harness.HandleAsync(SlackInboundKind.Event, joined);
        await harness.DeliverOutboxAsync();

        var welcome = Assert.Single(harness.Api.Messages);
        var blocks = welcome.Blocks!.ToJsonString();
        Assert.Contains("coffee%20join", blocks, StringComparison.Ordinal);
        Assert.Contains("intro%20set", blocks, StringComparison.Ordinal);
        Assert.Single(harness.Api.Calls, c => c.Method == "chat.postMessage" && c.Arg("channel") == "U0NEWBIE"); // Slack posts it in their DM
        Assert.StartsWith("D", welcome.Channel, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bots_joining_and_members_joining_channels_get_nothing()
    {
        await harness.HandleAsync(SlackInboundKind.Event, Event(new JsonObject { ["type"] = "team_join", ["user"] = new JsonObject { ["id"] = "U0ROBOT", ["is_bot"] = true } }));
        await harness.HandleAsync(SlackInboundKind.Event, Event(new JsonObject { ["type"] = "member_joined_channel", ["user"] = User, ["channel"] = Channel }));

        Assert.Equal(0, await harness.DeliverOutboxAsync());
        Assert.Empty(harness.Api.Calls);
    }

    [Fact]
    public async Task Mentions_in_a_pitch_never_ping_anyone()
    {
        const string Pitch = "Hi <!everyone> <!channel> <!here> <@U0BOSS> & friends";
        await harness.HandleAsync(SlackInboundKind.SlashCommand, SlashCommand("intro set"));
        var view = harness.Api.Calls.Single(c => c.Method == "views.open").Args["view"]!;
        await harness.HandleAsync(SlackInboundKind.Interactive, Submission(view, new Dictionary<string, string?> { ["pitch"] = Pitch }));

        var shown = Raw(await harness.CommandAsync("intro show"));

        Assert.Equal(Pitch, (await AikoAsync())!.Profile.Pitch);
        foreach (var mention in new[] { "<!everyone>", "<!channel>", "<!here>", "<@U0BOSS>" })
        {
            Assert.DoesNotContain(mention, shown, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;!everyone&gt;", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Api.Calls, c => c.Body.Contains("link_names", StringComparison.Ordinal));
    }
}

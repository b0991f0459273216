using System.Text.Json.Nodes;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;
using NetworkBot.Slack.BlockKit;

namespace NetworkBot.Slack.Tests.BlockKit;

public sealed class SlackRendererTests
{
    private static readonly string[] Pings = ["<!everyone>", "<!channel>", "<!here>", "<@U024BE7LH>", "<!subteam^S1>", "<https://evil.example|x>"];

    private static JsonArray Blocks(Reply reply) => SlackRenderer.RenderMessage(reply).Blocks!;

    private static string Type(JsonNode? block) => block!["type"]!.GetValue<string>();

    [Fact]
    public void Text_becomes_one_mrkdwn_section_with_the_same_fallback_text()
    {
        var message = SlackRenderer.RenderMessage(new Reply("Hello *there*"));

        var section = Assert.Single(message.Blocks!)!;
        Assert.Equal("section", Type(section));
        Assert.Equal("mrkdwn", section["text"]!["type"]!.GetValue<string>());
        Assert.Equal("Hello *there*", section["text"]!["text"]!.GetValue<string>());
        Assert.Equal("Hello *there*", message.Text);
        Assert.Empty(BlockKitRules.CheckMessageBlocks(message.Blocks!));
    }

    [Fact]
    public void A_title_is_a_header_before_the_text()
    {
        var message = SlackRenderer.RenderMessage(new Reply("Body") { Title = "Coffee chat" });

        Assert.Equal(["header", "section"], message.Blocks!.Select(Type));
        Assert.Equal("plain_text", message.Blocks![0]!["text"]!["type"]!.GetValue<string>());
        Assert.Equal("Coffee chat", message.Blocks![0]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal("Coffee chat\nBody", message.Text);
    }

    [Fact]
    public void Fields_are_section_fields_ten_to_a_section_with_the_name_in_bold()
    {
        var fields = Enumerable.Range(1, 12).Select(n => new ReplyField($"Name {n}", $"Value {n}", Inline: true)).ToList();

        var blocks = Blocks(new Reply("Profile") { Fields = fields });

        Assert.Equal(["section", "section", "section"], blocks.Select(Type));
        Assert.Equal(10, blocks[1]!["fields"]!.AsArray().Count);
        Assert.Equal(2, blocks[2]!["fields"]!.AsArray().Count);
        Assert.Equal("*Name 1*\nValue 1", blocks[1]!["fields"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("mrkdwn", blocks[1]!["fields"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Buttons_are_an_actions_block_whose_values_encode_their_commands()
    {
        var reply = new Reply("Did you meet?")
        {
            Buttons =
            [
                new ReplyButton("Yes", CommandInvocation.Of("coffee met", ("group", "g7"), ("answer", "yes")), ButtonStyle.Success),
                new ReplyButton("No", CommandInvocation.Of("coffee met", ("group", "g7"), ("answer", "no")), ButtonStyle.Danger),
                new ReplyButton("Later", CommandInvocation.Of("coffee met", ("group", "g7"), ("answer", "later"))),
                new ReplyButton("Yes again", CommandInvocation.Of("coffee met", ("group", "g7"), ("answer", "yes"))),
            ],
        };

        var actions = Blocks(reply)[1]!;

        Assert.Equal("actions", Type(actions));
        var buttons = actions["elements"]!.AsArray();
        Assert.Equal(3, buttons.Count); // the repeated action once
        Assert.All(buttons, b => Assert.Equal("button", Type(b)));
        Assert.Equal(["nb1b:0", "nb1b:1", "nb1b:2"], buttons.Select(b => b!["action_id"]!.GetValue<string>()));
        Assert.Equal("primary", buttons[0]!["style"]!.GetValue<string>());
        Assert.Equal("danger", buttons[1]!["style"]!.GetValue<string>());
        Assert.Null(buttons[2]!["style"]);
        Assert.True(SlackActionValues.TryDecodeAction(
            buttons[1]!["action_id"]!.GetValue<string>(), buttons[1]!["value"]!.GetValue<string>(), out var no));
        Assert.Equal("coffee met", no.Path);
        Assert.Equal("no", no.Options["answer"]);
    }

    [Fact]
    public void More_than_25_buttons_fill_several_actions_blocks()
    {
        var buttons = Enumerable.Range(0, 30).Select(n => new ReplyButton($"#{n}", CommandInvocation.Of("interests join", ("id", $"i{n}")))).ToList();

        var blocks = Blocks(new Reply("Pick") { Buttons = buttons });

        Assert.Equal(["section", "actions", "actions"], blocks.Select(Type));
        Assert.Equal(25, blocks[1]!["elements"]!.AsArray().Count);
        Assert.Equal(5, blocks[2]!["elements"]!.AsArray().Count);
        Assert.Empty(BlockKitRules.CheckMessageBlocks(blocks));
    }

    [Fact]
    public void A_select_is_a_static_select_whose_action_id_names_the_option_it_fills()
    {
        var reply = new Reply("RSVP")
        {
            Select = new ReplySelect("Your answer", CommandInvocation.Of("events rsvp", ("event", "e1")), "status",
                [new SelectChoice("Going", "going"), new SelectChoice("Maybe", "maybe"), new SelectChoice("Going twice", "going")]),
        };

        var select = Blocks(reply)[1]!["elements"]![0]!;

        Assert.Equal("static_select", Type(select));
        Assert.Equal("Your answer", select["placeholder"]!["text"]!.GetValue<string>());
        Assert.Equal(["going", "maybe"], select["options"]!.AsArray().Select(o => o!["value"]!.GetValue<string>()));
        Assert.Equal("Going", select["options"]![0]!["text"]!["text"]!.GetValue<string>());
        Assert.True(SlackActionValues.TryDecodeAction(select["action_id"]!.GetValue<string>(), "maybe", out var chosen));
        Assert.Equal("maybe", chosen.Options["status"]);
        Assert.Equal("e1", chosen.Options["event"]);
    }

    [Fact]
    public void A_select_keeps_at_most_100_options_with_short_labels()
    {
        var choices = Enumerable.Range(0, 120).Select(n => new SelectChoice(new string('x', 100), $"v{n}")).ToList();

        var select = Blocks(new Reply("Pick") { Select = new ReplySelect("", CommandInvocation.Of("interests join"), "id", choices) })[1]!["elements"]![0]!;

        Assert.Equal(SlackRenderer.MaxSelectOptions, select["options"]!.AsArray().Count);
        Assert.Equal(SlackRenderer.MaxOptionTextLength, select["options"]![0]!["text"]!["text"]!.GetValue<string>().Length);
        Assert.EndsWith("…", select["options"]![0]!["text"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(select["placeholder"]);
    }

    [Fact]
    public void A_choice_value_slack_cannot_carry_is_a_bug_not_a_cut()
    {
        var reply = new Reply("Pick") { Select = new ReplySelect("", CommandInvocation.Of("x"), "id", [new SelectChoice("a", new string('v', 151))]) };

        Assert.Throws<InvalidOperationException>(() => SlackRenderer.RenderMessage(reply));
    }

    [Fact]
    public void An_error_reply_is_visibly_marked()
    {
        var plain = SlackRenderer.RenderMessage(Reply.Error("That round is closed."));
        var titled = SlackRenderer.RenderMessage(Reply.Error("Try again later.") with { Title = "Not now" });

        Assert.Equal(":warning: That round is closed.", plain.Blocks![0]!["text"]!["text"]!.GetValue<string>());
        Assert.StartsWith(":warning: ", plain.Text, StringComparison.Ordinal);
        Assert.Equal(":warning: Not now", titled.Blocks![0]!["text"]!["text"]!.GetValue<string>());
        Assert.DoesNotContain(":warning:", SlackRenderer.RenderMessage(new Reply("fine")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_a_member_wrote_can_ping_or_link_through_mrkdwn()
    {
        var payload = string.Join(" ", Pings);
        var reply = new Reply($"Intro: {payload}")
        {
            Title = payload,
            Fields = [new ReplyField(payload, payload)],
            Buttons = [new ReplyButton(payload, CommandInvocation.Of("intro show", ("who", payload)))],
            Select = new ReplySelect(payload, CommandInvocation.Of("x"), "id", [new SelectChoice(payload, "v")]),
        };

        var message = SlackRenderer.RenderMessage(reply);

        Assert.All(Pings, ping => Assert.DoesNotContain(ping, message.Text, StringComparison.Ordinal));
        foreach (var mrkdwn in MrkdwnTexts(message.Blocks!))
        {
            Assert.DoesNotContain("<", mrkdwn, StringComparison.Ordinal);
            Assert.DoesNotContain(">", mrkdwn, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;!everyone&gt;", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_past_slacks_limits_is_shortened_with_an_ellipsis()
    {
        var message = SlackRenderer.RenderMessage(new Reply(new string('a', 5000))
        {
            Title = new string('t', 200),
            Fields = [new ReplyField(new string('n', 3000), new string('v', 3000))],
            Buttons = [new ReplyButton(new string('b', 100), CommandInvocation.Of("x"))],
        });

        var blocks = message.Blocks!;
        Assert.Equal(SlackRenderer.MaxHeaderLength, blocks[0]!["text"]!["text"]!.GetValue<string>().Length);
        Assert.Equal(SlackRenderer.MaxSectionTextLength, blocks[1]!["text"]!["text"]!.GetValue<string>().Length);
        Assert.EndsWith("…", blocks[1]!["text"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(blocks[2]!["fields"]![0]!["text"]!.GetValue<string>().Length <= SlackRenderer.MaxFieldTextLength);
        Assert.Equal(SlackRenderer.MaxButtonTextLength, blocks[3]!["elements"]![0]!["text"]!["text"]!.GetValue<string>().Length);
        Assert.True(message.Text.Length <= SlackRenderer.MaxFallbackTextLength);
        Assert.Empty(BlockKitRules.CheckMessageBlocks(blocks));
    }

    [Fact]
    public void A_message_keeps_within_50_blocks_and_says_how_many_fields_it_left_out()
    {
        var fields = Enumerable.Range(0, 600).Select(n => new ReplyField($"f{n}", "v")).ToList();
        var reply = new Reply("Members") { Title = "All", Fields = fields, Buttons = [new ReplyButton("More", CommandInvocation.Of("members more"))] };

        var blocks = Blocks(reply);

        Assert.Equal(SlackRenderer.MaxMessageBlocks, blocks.Count);
        Assert.Equal("actions", Type(blocks[^1]));
        Assert.Equal("context", Type(blocks[^2]));
        Assert.Equal($"… +{600 - (46 * 10)}", blocks[^2]!["elements"]![0]!["text"]!.GetValue<string>());
        Assert.Empty(BlockKitRules.CheckMessageBlocks(blocks));
    }

    [Fact]
    public void A_form_is_a_modal_whose_inputs_are_named_after_their_options()
    {
        var form = new ReplyForm("Your introduction for the whole community", "intro edit",
        [
            new FormField("pitch", "15-second pitch", Multiline: true, Required: true, MaxLength: 300, Value: "I <3 R&D"),
            new FormField("role", "Role", Multiline: false, Required: false, MaxLength: 9000, Value: null),
        ]);

        var view = SlackRenderer.RenderModal(form, Language.Ja, new Dictionary<string, string> { ["channel"] = "C1" });

        Assert.Equal("modal", view["type"]!.GetValue<string>());
        Assert.Equal(SlackRenderer.MaxViewTitleLength, view["title"]!["text"]!.GetValue<string>().Length);
        Assert.Equal("保存", view["submit"]!["text"]!.GetValue<string>());
        Assert.Equal("キャンセル", view["close"]!["text"]!.GetValue<string>());
        Assert.True(SlackActionValues.TryDecode(view["callback_id"]!.GetValue<string>(), out var callback));
        Assert.Equal("intro edit", callback.Path);
        Assert.True(SlackActionValues.TryDecode(view["private_metadata"]!.GetValue<string>(), out var submit));
        Assert.Equal("intro edit", submit.Path);
        Assert.Equal("C1", submit.Options["channel"]);

        var inputs = view["blocks"]!.AsArray();
        Assert.Equal(["pitch", "role"], inputs.Select(b => b!["block_id"]!.GetValue<string>()));
        Assert.All(inputs, b => Assert.Equal("input", Type(b)));
        Assert.Equal("pitch", inputs[0]!["element"]!["action_id"]!.GetValue<string>());
        Assert.Equal("plain_text_input", Type(inputs[0]!["element"]));
        Assert.True(inputs[0]!["element"]!["multiline"]!.GetValue<bool>());
        Assert.False(inputs[0]!["optional"]!.GetValue<bool>());
        Assert.True(inputs[1]!["optional"]!.GetValue<bool>());
        Assert.Equal("I <3 R&D", inputs[0]!["element"]!["initial_value"]!.GetValue<string>()); // plain text: kept as written
        Assert.Equal(SlackRenderer.MaxTextInputLength, inputs[1]!["element"]!["max_length"]!.GetValue<int>());
        Assert.Null(inputs[1]!["element"]!["initial_value"]);
        Assert.Empty(BlockKitRules.CheckView(view));
    }

    [Fact]
    public void The_home_tab_shows_the_reply_as_blocks()
    {
        var home = SlackRenderer.RenderHome(new Reply("Welcome") { Title = "NetworkBot" });

        Assert.Equal("home", home["type"]!.GetValue<string>());
        Assert.Equal(["header", "section"], home["blocks"]!.AsArray().Select(Type));
        Assert.Empty(BlockKitRules.CheckView(home));
    }

    [Fact]
    public void An_empty_reply_still_has_fallback_text()
    {
        var message = SlackRenderer.RenderMessage(new Reply(""));

        Assert.Equal("…", message.Text);
        Assert.Null(message.Blocks);
    }

    private static IEnumerable<string> MrkdwnTexts(JsonNode node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "mrkdwn" => [o["text"]!.GetValue<string>()],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : MrkdwnTexts(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : MrkdwnTexts(n)),
        _ => [],
    };
}

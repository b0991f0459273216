using System.Text.Json.Nodes;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;
using NetworkBot.Slack.BlockKit;
using NetworkBot.Slack.Tests.Fixtures;

namespace NetworkBot.Slack.Tests.BlockKit;

/// <summary>
/// The real Block Kit views in <c>tests/fixtures/slack</c> (<c>blockkit_*</c>, <c>view_*</c>) against the same rules the
/// renderer's output is checked with, and against the shapes the renderer writes.
/// </summary>
public sealed class BlockKitFixtureTests
{
    public static TheoryData<string> Views() => [.. SlackFixtures.Named("blockkit_").Concat(SlackFixtures.Named("view_"))];

    [Fact]
    public void The_fixture_folder_has_the_views()
    {
        Assert.True(SlackFixtures.Named("blockkit_").Count + SlackFixtures.Named("view_").Count >= 4);
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void Real_views_keep_the_limits_the_renderer_is_held_to(string name)
    {
        var view = SlackFixtures.Object(name);

        Assert.Empty(BlockKitRules.CheckView(view));
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void The_rules_catch_a_view_pushed_past_a_limit(string name)
    {
        var view = SlackFixtures.Object(name);
        var blocks = view["blocks"]!.AsArray();
        blocks.Add(new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = new string('x', 151) } });

        Assert.Contains(BlockKitRules.CheckView(view), p => p.Contains("at most 150", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void Every_input_block_of_a_real_modal_has_the_parts_a_rendered_input_has(string name)
    {
        var view = SlackFixtures.Object(name);
        var rendered = SlackRenderer.RenderModal(new ReplyForm("Intro", "intro edit", [new FormField("pitch", "Pitch", true, true, 300, null)]), Language.En);
        var renderedInput = rendered["blocks"]![0]!.AsObject();

        foreach (var input in view["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "input"))
        {
            Assert.Equal("plain_text", input!["label"]!["type"]!.GetValue<string>());
            Assert.NotNull(input["element"]!["type"]);
            Assert.Equal(renderedInput["label"]!["type"]!.GetValue<string>(), input["label"]!["type"]!.GetValue<string>());
        }

        if (view["type"]!.GetValue<string>() == "modal")
        {
            Assert.Equal(rendered["title"]!["type"]!.GetValue<string>(), view["title"]!["type"]!.GetValue<string>());
        }
    }

    [Fact]
    public void The_meeting_modal_carries_its_submit_state_the_way_ours_does()
    {
        // Slack's guide keeps context in private_metadata, as RenderModal does with the submit path.
        var view = SlackFixtures.Object("view_modal_meeting_arrangement.java-sdk-docs.json");

        Assert.Equal("meeting-arrangement", view["callback_id"]!.GetValue<string>());
        Assert.Contains("response_url", view["private_metadata"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(SlackActionValues.TryDecode(view["private_metadata"]!.GetValue<string>(), out _));
        Assert.False(SlackActionValues.TryDecode(view["callback_id"]!.GetValue<string>(), out _));
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void Actions_in_real_views_are_not_taken_for_ours(string name)
    {
        var view = SlackFixtures.Object(name);
        var elements = view["blocks"]!.AsArray()
            .SelectMany(b => b!["elements"] is JsonArray e ? e.Select(x => x!) : b!["accessory"] is JsonObject a ? [a] : b["element"] is JsonObject el ? [el] : []);

        foreach (var element in elements.OfType<JsonObject>())
        {
            var actionId = element["action_id"]?.GetValue<string>();
            var value = element["value"]?.GetValue<string>() ?? element["options"]?[0]?["value"]?.GetValue<string>() ?? "v";
            Assert.False(SlackActionValues.TryDecodeAction(actionId, value, out _));
        }
    }
}

using NetworkBot.Core.Replies;
using NetworkBot.Slack.BlockKit;

namespace NetworkBot.Slack.Tests.BlockKit;

public sealed class SlackCommandTextTests
{
    [Theory]
    [InlineData("`/coffee join` brings you back.", "`/network coffee join` brings you back.")]
    [InlineData("Type /help for more", "Type /network help for more")]
    [InlineData("（`/intro post`）で共有できます。", "（`/network intro post`）で共有できます。")]
    [InlineData("/admin events create", "/network admin events create")]
    public void Command_names_become_words_of_the_apps_slash_command(string core, string slack) =>
        Assert.Equal(slack, SlackCommandText.Rewrite(core, "/network"));

    [Theory]
    [InlineData("https://example.com/coffee")]
    [InlineData("and/or")]
    [InlineData("/coffeeshop")]
    [InlineData("/unknown thing")]
    public void Other_slashes_are_left_alone(string text) =>
        Assert.Equal(text, SlackCommandText.Rewrite(text, "/network"));

    [Fact]
    public void Rendering_with_the_configured_command_rewrites_text_and_fields_and_without_it_nothing()
    {
        var reply = new Reply("Paused. `/coffee join` brings you back.") { Fields = [new("Next", "`/coffee skip`")] };

        var slack = SlackRenderer.RenderMessage(reply, "/nb");

        Assert.Contains("`/nb coffee join`", slack.Text, StringComparison.Ordinal);
        Assert.Contains("/nb coffee skip", slack.Blocks!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("`/coffee join`", SlackRenderer.RenderMessage(reply).Text, StringComparison.Ordinal);
    }
}

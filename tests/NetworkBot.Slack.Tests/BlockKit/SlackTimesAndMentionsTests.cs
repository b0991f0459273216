using System.Text.Json.Nodes;
using NetworkBot.Core.Replies;
using NetworkBot.Slack.BlockKit;
using NetworkBot.Slack.WebApi.Payloads;

namespace NetworkBot.Slack.Tests.BlockKit;

public sealed class SlackTimesAndMentionsTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static string SectionText(SlackMessage message) =>
        message.Blocks!.OfType<JsonObject>().First(b => (string?)b["type"] == "section" && b["text"] is not null)["text"]!["text"]!.GetValue<string>();

    [Fact]
    public void Time_tokens_become_slack_dates_each_reader_sees_in_their_own_zone()
    {
        var message = SlackRenderer.RenderMessage(new Reply($"Starts {TimeToken.Full(Start)} ({TimeToken.Relative(Start)})")
        {
            Fields = [new("When", TimeToken.Full(Start))],
        });

        Assert.Equal("Starts <!date^1796292000^{date_long_pretty} {time}|2026-12-03 10:00 UTC> (<!date^1796292000^{ago}|2026-12-03 10:00 UTC>)", SectionText(message));
        var field = message.Blocks!.OfType<JsonObject>().Single(b => b["fields"] is not null)["fields"]![0]!["text"]!.GetValue<string>();
        Assert.Equal("*When*\n<!date^1796292000^{date_long_pretty} {time}|2026-12-03 10:00 UTC>", field);
        Assert.Equal("Starts 2026-12-03 10:00 UTC (2026-12-03 10:00 UTC)", message.Text);
    }

    [Fact]
    public void User_text_that_looks_like_a_date_or_a_mention_stays_text()
    {
        var text = SectionText(SlackRenderer.RenderMessage(new Reply("<!date^1^{time}|x> <!everyone> <!subteam^S123>")));

        Assert.DoesNotContain("<!", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_managers_user_group_is_the_only_mention()
    {
        Assert.StartsWith("<!subteam^S0614TZR7> New event", SectionText(SlackRenderer.RenderMessage(new Reply("New event") { MentionRole = "S0614TZR7" })), StringComparison.Ordinal);
        Assert.Equal("New event", SectionText(SlackRenderer.RenderMessage(new Reply("New event") { MentionRole = "everyone" })));
    }
}

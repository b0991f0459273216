using NetworkBot.Core.Replies;
using NetworkBot.Discord.Rendering;
using NetworkBot.Discord.Rest;

namespace NetworkBot.Discord.Tests.Rendering;

public sealed class DiscordTimesAndMentionsTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Time_tokens_become_discord_timestamps_everywhere_a_member_reads()
    {
        var reply = new Reply($"Starts {TimeToken.Full(Start)} ({TimeToken.Relative(Start)})")
        {
            Title = $"Meetup {TimeToken.Full(Start)}",
            Fields = [new("When", TimeToken.Full(Start))],
        };

        var message = DiscordRenderer.RenderMessage(reply);

        Assert.Equal("Starts <t:1796292000:F> (<t:1796292000:R>)", message.Content);
        Assert.Equal("Meetup <t:1796292000:F>", message.Embeds![0].Title);
        Assert.Equal("<t:1796292000:F>", message.Embeds[0].Fields![0].Value);
    }

    [Fact]
    public void The_managers_role_is_the_only_mention_that_pings()
    {
        var message = DiscordRenderer.RenderMessage(new Reply("New event! @everyone <@&999> welcome") { MentionRole = "81384788765712384", Visibility = Visibility.Public });

        Assert.StartsWith("<@&81384788765712384>\n", message.Content, StringComparison.Ordinal);
        Assert.Empty(message.AllowedMentions!.Parse);
        Assert.Equal(["81384788765712384"], message.AllowedMentions.Roles);

        var payload = DiscordRenderer.RenderPayload(new Reply("x") { MentionRole = "81384788765712384" });
        Assert.Equal([new Snowflake(81384788765712384)], payload.AllowedMentions!.Roles);
        Assert.Empty(payload.AllowedMentions.Parse);
    }

    [Fact]
    public void A_mention_role_that_is_not_a_discord_id_pings_nobody()
    {
        var message = DiscordRenderer.RenderMessage(new Reply("x") { MentionRole = "@everyone" });

        Assert.Equal("x", message.Content);
        Assert.Null(message.AllowedMentions!.Roles);
        Assert.Null(DiscordRenderer.RenderPayload(new Reply("x") { MentionRole = "everyone" }).AllowedMentions!.Roles);
    }

    [Fact]
    public void A_long_text_with_a_mention_keeps_the_mention_in_the_content_where_it_pings()
    {
        var message = DiscordRenderer.RenderMessage(new Reply(new string('a', 1995)) { MentionRole = "42" });

        Assert.Equal("<@&42>", message.Content);
        Assert.Equal(new string('a', 1995), message.Embeds![0].Description);
    }
}

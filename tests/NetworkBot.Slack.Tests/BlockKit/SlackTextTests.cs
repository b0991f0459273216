using NetworkBot.Slack.BlockKit;

namespace NetworkBot.Slack.Tests.BlockKit;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("<!everyone> free pizza", "&lt;!everyone&gt; free pizza")]
    [InlineData("<!channel>", "&lt;!channel&gt;")]
    [InlineData("<!here|here>", "&lt;!here|here&gt;")]
    [InlineData("hi <@U024BE7LH>", "hi &lt;@U024BE7LH&gt;")]
    [InlineData("<https://evil.example|click>", "&lt;https://evil.example|click&gt;")]
    [InlineData("R&D > sales", "R&amp;D &gt; sales")]
    [InlineData("&lt; already", "&amp;lt; already")]
    [InlineData("plain *bold* text", "plain *bold* text")]
    public void Escape_turns_control_characters_into_entities(string text, string expected)
    {
        Assert.Equal(expected, SlackText.Escape(text));
    }

    [Fact]
    public void Escape_of_nothing_is_empty()
    {
        Assert.Equal("", SlackText.Escape(null));
    }

    [Fact]
    public void Date_is_a_token_every_reader_sees_in_their_own_time_zone()
    {
        var when = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(9));

        var token = SlackText.Date(when, SlackText.DefaultDateFormat, "1 Dec 2026 10:00 JST");

        Assert.Equal($"<!date^{when.ToUnixTimeSeconds()}^{{date_short_pretty}} {{time}}|1 Dec 2026 10:00 JST>", token);
    }

    [Fact]
    public void A_date_fallback_cannot_close_the_token_or_ping()
    {
        var token = SlackText.Date(DateTimeOffset.UnixEpoch, "{date}", "x|<!here>");

        Assert.Equal("<!date^0^{date}|x/&lt;!here&gt;>", token);
    }

    [Theory]
    [InlineData("{date}|x")]
    [InlineData("{date}>")]
    [InlineData("")]
    public void A_date_format_that_would_break_the_token_is_refused(string format)
    {
        Assert.ThrowsAny<ArgumentException>(() => SlackText.Date(DateTimeOffset.UnixEpoch, format, "x"));
    }

    [Fact]
    public void Shortening_escaped_text_never_cuts_an_entity()
    {
        var text = new string('a', 8) + "<b";

        var escaped = SlackText.EscapeWithin(text, 11);

        Assert.Equal("aaaaaaaa…", escaped);
        Assert.Equal("aaaaaaaa&lt;b", SlackText.EscapeWithin(text, 13));
    }

    [Fact]
    public void Truncate_keeps_surrogate_pairs_whole()
    {
        var text = "ab" + "😀" + "cd";

        Assert.Equal("ab…", SlackText.Truncate(text, 4));
        Assert.Equal(text, SlackText.Truncate(text, 6));
    }
}

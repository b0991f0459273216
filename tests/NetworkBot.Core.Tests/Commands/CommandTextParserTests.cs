using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Tests.Commands;

public sealed class CommandTextParserTests
{
    private static CommandParseResult.Parsed Parsed(string line) =>
        Assert.IsType<CommandParseResult.Parsed>(CommandTextParser.Parse(line));

    private static string Error(string line) =>
        Assert.IsType<CommandParseResult.Invalid>(CommandTextParser.Parse(line)).Error.Render(Language.En);

    [Fact]
    public void Named_options_with_quotes_keep_their_spaces()
    {
        var parsed = Parsed("/intro set pitch:\"I build payment systems in Tokyo\" industry:finance");

        Assert.Equal("intro set", parsed.Path);
        Assert.Equal("I build payment systems in Tokyo", parsed.Options["pitch"]);
        Assert.Equal("finance", parsed.Options["industry"]);
    }

    [Theory]
    [InlineData("/intro set pitch:“東京で決済システムを作っています”", "東京で決済システムを作っています")]
    [InlineData("/intro set pitch:「はじめまして、田中です」", "はじめまして、田中です")]
    [InlineData("/intro set \"Hello: world\"", "Hello: world")]
    public void Smart_and_japanese_quotes_delimit_values(string line, string pitch) =>
        Assert.Equal(pitch, Parsed(line).Options["pitch"]);

    [Theory]
    [InlineData("/ask someone who knows payments regulation", "ask", "request", "someone who knows payments regulation")]
    [InlineData("/ask 決済の規制に 詳しい人", "ask", "request", "決済の規制に 詳しい人")]
    [InlineData("/offer fintech compliance reviews", "offer", "offer", "fintech compliance reviews")]
    [InlineData("/ask request:\"a designer\"", "ask", "request", "a designer")]
    public void A_rest_of_line_option_takes_every_unnamed_word(string line, string path, string option, string value)
    {
        var parsed = Parsed(line);

        Assert.Equal(path, parsed.Path);
        Assert.Equal(value, parsed.Options[option]);
    }

    [Fact]
    public void Words_after_an_ordinary_last_option_are_still_refused() =>
        Assert.Contains("more values than it takes", Error("/interests join rust go"));

    [Fact]
    public void Positional_values_fill_options_in_table_order()
    {
        var parsed = Parsed("interests join rust");

        Assert.Equal("interests join", parsed.Path);
        Assert.Equal("rust", parsed.Options["name"]);
    }

    [Fact]
    public void Command_words_are_case_insensitive_and_the_slash_is_optional()
    {
        Assert.Equal("coffee pause", Parsed("Coffee PAUSE 2026-12-24").Path);
        Assert.Equal("admin interests create", Parsed("/admin interests create rust").Path);
    }

    [Fact]
    public void A_url_value_is_not_mistaken_for_an_option_name() =>
        Assert.Equal("https://example.com/me", Parsed("/intro set pitch:https://example.com/me").Options["pitch"]);

    [Fact]
    public void Unknown_command_names_what_was_typed() =>
        Assert.Contains("/dance", Error("/dance now"));

    [Fact]
    public void A_group_without_subcommand_lists_the_subcommands()
    {
        var error = Error("/coffee");

        Assert.Contains("join", error);
        Assert.Contains("pause", error);
    }

    [Fact]
    public void Unknown_option_lists_the_options_there_are()
    {
        var error = Error("/intro set colour:blue");

        Assert.Contains("colour", error);
        Assert.Contains("pitch", error);
    }

    [Fact]
    public void Extra_values_are_refused_rather_than_dropped() =>
        Assert.Contains("quotes", Error("/interests join rust go"));

    [Fact]
    public void A_command_without_options_refuses_values() =>
        Assert.Contains("takes no options", Error("/coffee join now"));

    [Fact]
    public void An_unclosed_quote_is_reported() =>
        Assert.Contains("quote", Error("/intro set pitch:\"never closed"));

    [Fact]
    public void The_same_option_twice_is_reported() =>
        Assert.Contains("twice", Error("/intro set role:a role:b"));

    [Fact]
    public void Errors_render_in_japanese_too()
    {
        var invalid = Assert.IsType<CommandParseResult.Invalid>(CommandTextParser.Parse("/dance"));

        Assert.Contains("コマンドはありません", invalid.Error.Render(Language.Ja));
    }

    [Fact]
    public void Empty_input_asks_for_a_command() =>
        Assert.Contains("/help", Error("   "));
}

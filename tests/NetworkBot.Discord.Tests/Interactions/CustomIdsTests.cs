using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetworkBot.Core.Replies;
using NetworkBot.Discord.Interactions;
using NetworkBot.Discord.Rest;

namespace NetworkBot.Discord.Tests.Interactions;

public sealed class CustomIdsTests
{
    [Fact]
    public void A_button_id_is_compact_and_readable()
    {
        Assert.Equal("nb1|coffee met|group=g7|answer=yes", CustomIds.Encode(CommandInvocation.Of("coffee met", ("group", "g7"), ("answer", "yes"))));
    }

    [Fact]
    public void Separators_in_values_are_escaped_and_come_back()
    {
        var action = CommandInvocation.Of("interests join", ("name", @"a|b=c\d"));

        var id = CustomIds.Encode(action);

        Assert.Equal(@"nb1|interests join|name=a\|b\=c\\d", id);
        Assert.True(CustomIds.TryDecode(id, out var decoded, out var select));
        Assert.Null(select);
        Assert.Equal(action.Options, decoded.Options);
    }

    [Fact]
    public void A_select_id_names_the_option_its_value_fills()
    {
        var id = CustomIds.Encode(CommandInvocation.Of("coffee met", ("group", "g7")), "answer");

        Assert.Equal("nb1s|answer|coffee met|group=g7", id);
        Assert.True(CustomIds.TryDecode(id, out var decoded, out var select));
        Assert.Equal(("coffee met", "answer"), (decoded.Path, select));
    }

    [Fact]
    public void A_component_shown_outside_its_server_names_the_server_after_the_header()
    {
        var guild = new Snowflake(81384788765712384);

        var button = CustomIds.Encode(CommandInvocation.Of("coffee met", ("group", "g7"), ("answer", "yes")), guild: guild);
        var select = CustomIds.Encode(CommandInvocation.Of("coffee met", ("group", "g7")), "answer", guild);

        Assert.Equal("nb1|@81384788765712384|coffee met|group=g7|answer=yes", button);
        Assert.Equal("nb1s|answer|@81384788765712384|coffee met|group=g7", select);
        Assert.True(CustomIds.TryDecode(select, out var decoded, out var option, out var named));
        Assert.Equal(("coffee met", "answer", (Snowflake?)guild), (decoded.Path, option, named));
    }

    [Fact]
    public void An_action_that_does_not_fit_in_100_characters_is_a_bug_reported_at_render_time()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CustomIds.Encode(CommandInvocation.Of("interests join", ("name", new string('x', 90)))));

        Assert.Contains("interests join", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("click_one")]
    [InlineData("nb1")]
    [InlineData("nb1|")]
    [InlineData("nb2|help")]
    [InlineData("nb1s|answer")]
    [InlineData(@"nb1|help|a=b\")]
    [InlineData("nb1|help|novalue")]
    [InlineData("nb1|help|a=1=2")]
    [InlineData("nb1|help|a=1|a=2")]
    [InlineData("nb1|@guild|help")]
    [InlineData("nb1|@123")]
    public void Ids_we_did_not_write_do_not_decode(string? customId)
    {
        Assert.False(CustomIds.TryDecode(customId, out _, out _));
    }

    [Property]
    public Property Every_invocation_that_fits_round_trips()
    {
        var text = ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty);
        var invocations = (from path in text.Where(p => p.Length > 0)
                           from options in Gen.ListOf(Gen.Zip(text, text))
                           from selectOption in Gen.OneOf(Gen.Constant<string?>(null), text.Select(s => (string?)s))
                           from guild in Gen.OneOf(Gen.Constant<Snowflake?>(null), ArbMap.Default.GeneratorFor<ulong>().Select(g => (Snowflake?)new Snowflake(g)))
                           select (Invocation: new CommandInvocation(path, options.DistinctBy(o => o.Item1).ToDictionary(o => o.Item1, o => o.Item2)), Select: selectOption, Guild: guild))
            .ToArbitrary();

        return Prop.ForAll(invocations, c =>
        {
            string id;
            try
            {
                id = CustomIds.Encode(c.Invocation, c.Select, c.Guild);
            }
            catch (InvalidOperationException)
            {
                return true; // too long: refused, never cut
            }

            return id.Length <= CustomIds.MaxLength
                && CustomIds.TryDecode(id, out var decoded, out var select, out var guild)
                && decoded.Path == c.Invocation.Path
                && select == c.Select
                && guild == c.Guild
                && decoded.Options.Count == c.Invocation.Options.Count
                && c.Invocation.Options.All(o => decoded.Options[o.Key] == o.Value);
        });
    }
}

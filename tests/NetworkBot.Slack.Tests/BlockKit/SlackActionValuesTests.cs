using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetworkBot.Core.Replies;
using NetworkBot.Slack.BlockKit;

namespace NetworkBot.Slack.Tests.BlockKit;

public sealed class SlackActionValuesTests
{
    [Fact]
    public void A_button_value_is_a_versioned_percent_encoded_path_and_query()
    {
        var value = SlackActionValues.Encode(CommandInvocation.Of("coffee met", ("group", "g7"), ("answer", "yes & no")));

        Assert.Equal("nb1:coffee%20met?group=g7&answer=yes%20%26%20no", value);
        Assert.True(SlackActionValues.TryDecodeAction(SlackActionValues.ButtonActionId(3), value, out var decoded));
        Assert.Equal("coffee met", decoded.Path);
        Assert.Equal(["group", "answer"], decoded.Options.Keys);
        Assert.Equal("yes & no", decoded.Options["answer"]);
    }

    [Fact]
    public void A_select_names_in_its_action_id_the_option_its_choice_fills()
    {
        var actionId = SlackActionValues.EncodeSelect(CommandInvocation.Of("events rsvp", ("event", "e1")), "status");

        Assert.Equal("nb1s:status:events%20rsvp?event=e1", actionId);
        Assert.True(SlackActionValues.TryDecodeAction(actionId, "going", out var decoded));
        Assert.Equal("events rsvp", decoded.Path);
        Assert.Equal("e1", decoded.Options["event"]);
        Assert.Equal("going", decoded.Options["status"]);
    }

    [Theory]
    [InlineData(null, "nb1:coffee")]
    [InlineData("button_1", "nb1:coffee")]
    [InlineData("nb1b:x", "nb1:coffee")]
    [InlineData("nb1b:01", "nb1:coffee")]
    [InlineData("nb1b:0", "coffee")]
    [InlineData("nb1b:0", "nb2:coffee")]
    [InlineData("nb1b:0", "nb1:")]
    [InlineData("nb1b:0", "nb1:coffee met")]
    [InlineData("nb1b:0", "nb1:coffee%2fmet")]
    [InlineData("nb1b:0", "nb1:coffee?")]
    [InlineData("nb1b:0", "nb1:coffee?a")]
    [InlineData("nb1b:0", "nb1:coffee?a=1&a=2")]
    [InlineData("nb1b:0", "nb1:coffee?=1")]
    [InlineData("nb1b:0", "nb1:coffee%ZZ")]
    [InlineData("nb1s:status:events?status=x", "going")]
    [InlineData("nb1s::events", "going")]
    [InlineData("nb1s:status", "going")]
    [InlineData("nb1s", "going")]
    [InlineData("category-selection-action", "customer")]
    [InlineData("nb1b:0", null)]
    public void Values_not_written_by_NetworkBot_are_refused(string? actionId, string? value)
    {
        Assert.False(SlackActionValues.TryDecodeAction(actionId, value, out _));
    }

    [Fact]
    public void A_value_longer_than_slack_allows_is_a_bug_not_a_cut()
    {
        var invocation = CommandInvocation.Of("intro show", ("member", new string('x', 2000)));

        var error = Assert.Throws<InvalidOperationException>(() => SlackActionValues.Encode(invocation));
        Assert.Contains("2000", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => SlackActionValues.EncodeSelect(CommandInvocation.Of(new string('p', 250)), "status"));
    }

    [Fact]
    public void Form_metadata_round_trips_through_TryDecode()
    {
        var invocation = CommandInvocation.Of("intro edit", ("channel", "C123"));

        var metadata = SlackActionValues.Encode(invocation, SlackActionValues.MaxPrivateMetadataLength);

        Assert.True(SlackActionValues.TryDecode(metadata, out var decoded));
        Assert.Equal("intro edit", decoded.Path);
        Assert.Equal("C123", decoded.Options["channel"]);
    }

    [Property]
    public Property Every_invocation_that_fits_round_trips()
    {
        var text = ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty);
        var invocations = (from path in text.Where(p => p.Length > 0)
                           from options in Gen.ListOf(Gen.Zip(text.Where(n => n.Length > 0), text))
                           from selectOption in Gen.OneOf(Gen.Constant<string?>(null), text.Where(s => s.Length > 0).Select(s => (string?)s))
                           from chosen in text
                           select (Invocation: new CommandInvocation(path, options.DistinctBy(o => o.Item1).Where(o => o.Item1 != selectOption).ToDictionary(o => o.Item1, o => o.Item2)), Select: selectOption, Chosen: chosen))
            .ToArbitrary();

        return Prop.ForAll(invocations, c =>
        {
            string actionId;
            string value;
            try
            {
                (actionId, value) = c.Select is null
                    ? (SlackActionValues.ButtonActionId(0), SlackActionValues.Encode(c.Invocation))
                    : (SlackActionValues.EncodeSelect(c.Invocation, c.Select), c.Chosen);
            }
            catch (InvalidOperationException)
            {
                return true; // too long: refused, never cut
            }

            var expected = c.Select is null ? c.Invocation.Options : new Dictionary<string, string>(c.Invocation.Options) { [c.Select] = c.Chosen };
            return SlackActionValues.TryDecodeAction(actionId, value, out var decoded)
                && decoded.Path == c.Invocation.Path
                && decoded.Options.Count == expected.Count
                && expected.All(o => decoded.Options.TryGetValue(o.Key, out var v) && v == o.Value);
        });
    }
}

using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Tests.Commands;

public sealed class CoffeeCommandTests : CommandTestBase
{
    [Fact]
    public async Task Join_then_leave_then_join_again()
    {
        var joined = await Harness.TypeAsync("aiko", "/coffee join");
        var again = await Harness.TypeAsync("aiko", "/coffee join");
        Assert.True((await Harness.MemberAsync("aiko")).Coffee.Joined);

        var left = await Harness.TypeAsync("aiko", "/coffee leave");
        var leftAgain = await Harness.TypeAsync("aiko", "/coffee leave");

        Assert.Contains("You're in", joined.Text);
        Assert.Contains("already", again.Text);
        Assert.Contains("left", left.Text);
        Assert.Contains("not taking part", leftAgain.Text);
        Assert.False((await Harness.MemberAsync("aiko")).Coffee.Joined);
    }

    [Fact]
    public async Task Pause_until_a_future_date_and_join_resumes()
    {
        await Harness.TypeAsync("aiko", "/coffee join");

        var paused = await Harness.TypeAsync("aiko", "/coffee pause 2027-01-10");
        Assert.Equal(new DateOnly(2027, 1, 10), (await Harness.MemberAsync("aiko")).Coffee.PausedUntil);
        Assert.Contains("2027-01-10", paused.Text);

        var resumed = await Harness.TypeAsync("aiko", "/coffee join");
        Assert.Null((await Harness.MemberAsync("aiko")).Coffee.PausedUntil);
        Assert.Contains("Welcome back", resumed.Text);
    }

    [Theory]
    [InlineData("2026-13-45", "must be a date")]
    [InlineData("next week", "must be a date")]
    [InlineData("2026-11-20", "after today")]
    [InlineData("2020-01-01", "after today")]
    [InlineData("2028-01-01", "one year")]
    public async Task Invalid_pause_dates_are_refused_and_nothing_changes(string until, string expected)
    {
        await Harness.TypeAsync("aiko", "/coffee join");
        var before = await Harness.SnapshotAsync();

        var reply = await Harness.InvokeAsync("aiko", "coffee pause", ("until", until));

        Assert.True(reply.IsError);
        Assert.Contains(expected, reply.Text);
        Assert.Equal(before, await Harness.SnapshotAsync());
    }

    [Fact]
    public async Task Pause_without_a_date_says_it_is_required()
    {
        var reply = await Harness.TypeAsync("aiko", "/coffee pause");

        Assert.True(reply.IsError);
        Assert.Contains("`until` is required", reply.Text);
    }

    [Fact]
    public async Task Today_is_taken_in_the_members_time_zone()
    {
        // 2026-11-20 10:30 UTC is already 2026-11-21 00:30 in Pacific/Kiritimati (UTC+14).
        Harness.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 10, 30, 0, TimeSpan.Zero));
        await Harness.TypeAsync("aiko", "/coffee join");
        await Harness.TypeAsync("ben", "/coffee join");
        await Harness.TypeAsync("aiko", "/intro set timezone:Pacific/Kiritimati");

        var inKiritimati = await Harness.TypeAsync("aiko", "/coffee pause 2026-11-21");
        var inUtc = await Harness.TypeAsync("ben", "/coffee pause 2026-11-21");

        Assert.True(inKiritimati.IsError);
        Assert.Contains("2026-11-21", inKiritimati.Text);
        Assert.False(inUtc.IsError, inUtc.Text);
    }

    [Fact]
    public async Task Skip_marks_the_next_round_and_pause_needs_joining_first()
    {
        var notJoined = await Harness.TypeAsync("aiko", "/coffee skip");
        await Harness.TypeAsync("aiko", "/coffee join");
        var skip = await Harness.TypeAsync("aiko", "/coffee skip");
        var again = await Harness.TypeAsync("aiko", "/coffee skip");

        Assert.True(notJoined.IsError);
        Assert.Contains("skip the next round", skip.Text);
        Assert.Contains("already", again.Text);
        Assert.True((await Harness.MemberAsync("aiko")).Coffee.SkipNext);
    }

    [Fact]
    public async Task Status_offers_the_buttons_that_fit_and_pressing_one_runs_its_command()
    {
        var outStatus = await Harness.TypeAsync("aiko", "/coffee status");
        var join = Assert.Single(outStatus.Buttons);
        Assert.Equal("coffee join", join.Action.Path);

        await Harness.InvokeAsync("aiko", join.Action.Path);
        var inStatus = await Harness.TypeAsync("aiko", "/coffee status");

        Assert.Contains("Taking part", inStatus.Text);
        Assert.Equal(["coffee skip", "coffee leave"], inStatus.Buttons.Select(b => b.Action.Path));
    }

    [Fact]
    public async Task Block_keeps_a_private_list_and_refuses_blocking_yourself()
    {
        var before = await Harness.SnapshotAsync();
        var self = await Harness.TypeAsync("aiko", "/coffee block aiko");
        Assert.True(self.IsError);
        Assert.Equal(before, await Harness.SnapshotAsync());

        var blocked = await Harness.TypeAsync("aiko", "/coffee block \"Ben Okafor\"");
        var again = await Harness.TypeAsync("aiko", "/coffee block ben");

        Assert.Contains("not told", blocked.Text);
        Assert.Contains("already", again.Text);
        Assert.Equal([new MemberId("ben")], await Harness.Store.ListBlockedAsync(CommandHarness.Community, new MemberId("aiko"), CancellationToken.None));
        Assert.Empty(await Harness.Store.ListBlockedAsync(CommandHarness.Community, new MemberId("ben"), CancellationToken.None));
    }

    [Fact]
    public async Task Block_of_an_unknown_member_is_a_clear_error() =>
        Assert.Contains("nobody-here", (await Harness.TypeAsync("aiko", "/coffee block nobody-here")).Text);

    [Fact]
    public async Task Unblock_without_a_member_lists_the_blocks_to_pick_from()
    {
        await Harness.TypeAsync("aiko", "/coffee block ben");

        var list = await Harness.TypeAsync("aiko", "/coffee unblock");
        var select = Assert.IsType<Replies.ReplySelect>(list.Select);
        var choice = Assert.Single(select.Choices);
        var unblocked = await Harness.InvokeAsync("aiko", select.Action.Path, (select.OptionName, choice.Value));
        var none = await Harness.TypeAsync("aiko", "/coffee unblock");

        Assert.Contains("Ben Okafor", unblocked.Text);
        Assert.Contains("haven't blocked anyone", none.Text);
    }

    [Fact]
    public async Task History_lists_the_people_met_in_past_rounds()
    {
        var empty = await Harness.TypeAsync("aiko", "/coffee history");
        await Harness.TypeAsync("aiko", "/coffee join");
        await Harness.TypeAsync("ben", "/coffee join");
        var outcome = await Harness.Get<CoffeeRounds>().RunAsync(CommandHarness.Community, RoundSettings.Default, seed: 7, CancellationToken.None);
        Assert.IsType<RoundOutcome.Started>(outcome);

        var history = await Harness.TypeAsync("aiko", "/coffee history");

        Assert.Contains("haven't been", empty.Text);
        Assert.Contains("2026-11-20: Ben Okafor", history.Text);
    }
}

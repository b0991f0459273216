using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Tests.Commands;

namespace NetworkBot.Core.Tests.Coffee;

public sealed class DeparturesTests : CommandTestBase
{
    private Task<bool> LeftAsync(string member) =>
        Harness.Get<Departures>().LeftAsync(CommandHarness.Community, new MemberId(member), CancellationToken.None);

    [Fact]
    public async Task A_member_who_leaves_is_paused_keeps_the_profile_and_can_come_back()
    {
        await Harness.TypeAsync("aiko", "/intro set pitch:\"Designer\"");
        await Harness.TypeAsync("aiko", "/coffee join");

        Assert.True(await LeftAsync("aiko"));

        var member = await Harness.MemberAsync("aiko");
        Assert.False(member.Coffee.IsAvailableOn(new DateOnly(2099, 1, 1)));
        Assert.Equal("Designer", member.Profile.Pitch);
        Assert.Contains("left the server", (await Harness.TypeAsync("aiko", "/coffee status")).Text);
        await Harness.TypeAsync("aiko", "/coffee join");
        Assert.True((await Harness.MemberAsync("aiko")).Coffee.IsAvailableOn(DateOnly.FromDateTime(CommandHarness.Start.UtcDateTime)));
    }

    [Fact]
    public async Task Members_not_taking_part_unknown_or_already_paused_are_left_alone()
    {
        Assert.False(await LeftAsync("ben"));
        Assert.False(await LeftAsync("nobody"));
        await Harness.TypeAsync("aiko", "/coffee join");
        Assert.True(await LeftAsync("aiko"));
        Assert.False(await LeftAsync("aiko"));
        Assert.Equal(CoffeeEnrollment.NotJoined, (await Harness.MemberAsync("ben")).Coffee);
    }

    [Fact]
    public async Task Leaving_records_when_in_the_same_write_as_the_pause_and_coming_back_clears_it()
    {
        await Harness.TypeAsync("aiko", "/coffee join");
        var before = await Harness.MemberAsync("aiko");

        Assert.True(await LeftAsync("aiko"));
        Assert.False(await LeftAsync("ben"));

        var left = await Harness.MemberAsync("aiko");
        Assert.Equal((CommandHarness.Start, before.Version + 1), (left.LeftAt, left.Version));
        Assert.Equal(CommandHarness.Start, (await Harness.MemberAsync("ben")).LeftAt);
        var departures = Harness.Get<Departures>();
        Assert.True(await departures.ReturnedAsync(CommandHarness.Community, new MemberId("aiko"), CancellationToken.None));
        Assert.False(await departures.ReturnedAsync(CommandHarness.Community, new MemberId("aiko"), CancellationToken.None));
        Assert.Null((await Harness.MemberAsync("aiko")).LeftAt);
        Assert.False((await Harness.MemberAsync("aiko")).Coffee.IsAvailableOn(new DateOnly(2099, 1, 1)));
    }

    [Fact]
    public async Task A_member_who_left_and_runs_any_command_is_back()
    {
        await LeftAsync("ben");

        await Harness.TypeAsync("ben", "/help");

        Assert.Null((await Harness.MemberAsync("ben")).LeftAt);
    }

    [Fact]
    public async Task Leaving_or_coming_back_stores_no_one_never_stored()
    {
        Assert.False(await LeftAsync("nobody"));
        Assert.False(await Harness.Get<Departures>().ReturnedAsync(CommandHarness.Community, new MemberId("nobody"), CancellationToken.None));

        Assert.Null(await Harness.Store.GetMemberAsync(CommandHarness.Community, new MemberId("nobody"), CancellationToken.None));
    }
}

using NetworkBot.Core.Domain;
using NetworkBot.Core.Interests;
using NetworkBot.Slack.Spaces;
using NetworkBot.Slack.Tests.Fakes;
using NetworkBot.Slack.Tests.WebApi;

namespace NetworkBot.Slack.Tests.Spaces;

public sealed class SlackInterestSpacesTests : IAsyncLifetime
{
    private static readonly Community Workspace = new(SlackPlatform.CommunityFor(FakeSlackApi.TeamId), "Workspace", CommunitySettings.Default, DateTimeOffset.UnixEpoch);
    private static readonly MemberId Ada = new("U0ADA");

    private SlackApiHarness harness = null!;
    private IInterestSpaces spaces = null!;

    private FakeSlackApi Api => harness.Api;

    public async Task InitializeAsync()
    {
        harness = await SlackApiHarness.StartAsync();
        spaces = Assert.Single(harness.Get<IEnumerable<IInterestSpaces>>());
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private static Interest Interest(string name = "Machine Learning", string? channelRef = null) =>
        new(Workspace.Id, new InterestId("i1"), name, "Models and data", Archived: false, RoleRef: null, channelRef, DateTimeOffset.UnixEpoch);

    [Fact]
    public void AddSlack_registers_the_slack_spaces()
    {
        Assert.IsType<SlackInterestSpaces>(spaces);
        Assert.Equal("slack", spaces.Platform);
    }

    [Fact]
    public async Task Creating_makes_a_public_channel_named_after_the_interest()
    {
        var result = await spaces.EnsureAsync(Workspace, Interest(), CancellationToken.None);

        var channel = Api.ChannelNamed("machine-learning");
        Assert.NotNull(channel);
        Assert.Equal(InterestSpaceResult.Done(channelRef: channel), result);
        var create = Assert.Single(Api.Calls);
        Assert.Equal("conversations.create", create.Method);
        Assert.Equal("false", create.Arg("is_private"));
        Assert.Null(result.RoleRef);
    }

    [Fact]
    public async Task An_interest_that_has_its_channel_is_left_as_it_is()
    {
        var result = await spaces.EnsureAsync(Workspace, Interest(channelRef: "C0EXISTING"), CancellationToken.None);

        Assert.Equal(InterestSpaceResult.Done(channelRef: "C0EXISTING"), result);
        Assert.Empty(Api.Calls);
    }

    [Fact]
    public async Task A_name_taken_by_a_live_public_channel_reuses_that_channel_and_joins_it()
    {
        var existing = Api.AddChannel("machine-learning", botIsMember: false);

        var result = await spaces.EnsureAsync(Workspace, Interest(), CancellationToken.None);

        Assert.Equal(InterestSpaceResult.Done(channelRef: existing), result);
        Assert.Equal(["conversations.create", "conversations.list", "conversations.join"], Api.Calls.Select(c => c.Method));
        Assert.Contains(FakeSlackApi.BotUserId, Api.MembersOf(existing));
    }

    [Fact]
    public async Task A_retry_after_a_create_whose_answer_was_lost_adopts_the_channel_it_made()
    {
        var made = Api.AddChannel("machine-learning", botIsMember: true);

        var result = await spaces.EnsureAsync(Workspace, Interest(), CancellationToken.None);

        Assert.Equal(InterestSpaceResult.Done(channelRef: made), result);
        Assert.Equal(["conversations.create", "conversations.list"], Api.Calls.Select(c => c.Method));
        Assert.Equal(made, Api.ChannelNamed("machine-learning"));
    }

    [Fact]
    public async Task A_name_taken_by_an_archived_channel_gets_a_number()
    {
        Api.AddChannel("machine-learning", isArchived: true);
        Api.AddChannel("machine-learning-2", isArchived: true);

        var result = await spaces.EnsureAsync(Workspace, Interest(), CancellationToken.None);

        Assert.Equal(Api.ChannelNamed("machine-learning-3"), result.ChannelRef);
        Assert.Equal(
            ["machine-learning", "machine-learning-2", "machine-learning-3"],
            Api.Calls.Where(c => c.Method == "conversations.create").Select(c => c.Arg("name")));
    }

    [Fact]
    public async Task A_japanese_name_gets_an_ascii_channel_name_with_a_stable_hash()
    {
        var result = await spaces.EnsureAsync(Workspace, Interest("AI 勉強会"), CancellationToken.None);

        var name = Api.Calls.Single().Arg("name")!;
        Assert.Matches("^ai-[0-9a-f]{6}$", name);
        Assert.Equal(name, SlackChannelNames.From("AI 勉強会"));
        Assert.NotEqual(name, SlackChannelNames.From("AI 読書会"));
        Assert.Equal(InterestSpaceOutcome.Done, result.Outcome);
    }

    [Theory]
    [InlineData("Machine Learning", "machine-learning")]
    [InlineData("  Rust & Go!! ", "rust-go")]
    [InlineData("C#/.NET", "c-net")]
    [InlineData("snake_case", "snake_case")]
    [InlineData("Café Crème", "cafe-creme")]
    public void Channel_names_follow_slacks_rules(string interest, string expected)
    {
        Assert.Equal(expected, SlackChannelNames.From(interest));
    }

    [Theory]
    [InlineData("読書会")]
    [InlineData("🎉🎉")]
    [InlineData("")]
    public void A_name_without_ascii_letters_becomes_interest_and_a_hash(string interest)
    {
        Assert.Matches("^interest-[0-9a-f]{6}$", SlackChannelNames.From(interest));
    }

    [Fact]
    public void Channel_names_keep_within_80_characters_even_with_a_suffix()
    {
        var name = SlackChannelNames.From(new string('a', 100) + " 日本");

        Assert.Equal(80, name.Length);
        Assert.Equal(80, SlackChannelNames.WithSuffix(SlackChannelNames.From(new string('b', 100)), 5).Length);
        Assert.EndsWith("-5", SlackChannelNames.WithSuffix(SlackChannelNames.From(new string('b', 100)), 5), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Joining_invites_the_member_and_twice_is_harmless()
    {
        var channel = Api.AddChannel("rust");

        var first = await spaces.AddMemberAsync(Workspace, Interest(channelRef: channel), Ada, CancellationToken.None);
        var second = await spaces.AddMemberAsync(Workspace, Interest(channelRef: channel), Ada, CancellationToken.None);

        Assert.Equal(InterestSpaceResult.Done(channelRef: channel), first);
        Assert.Equal(InterestSpaceResult.Done(channelRef: channel), second); // already_in_channel
        Assert.Contains(Ada.Value, Api.MembersOf(channel));
        Assert.Equal("U0ADA", Api.Calls[0].Arg("users"));
    }

    [Fact]
    public async Task Leaving_removes_the_member_and_twice_is_harmless()
    {
        var channel = Api.AddChannel("rust", members: Ada.Value);

        var first = await spaces.RemoveMemberAsync(Workspace, Interest(channelRef: channel), Ada, CancellationToken.None);
        var second = await spaces.RemoveMemberAsync(Workspace, Interest(channelRef: channel), Ada, CancellationToken.None);

        Assert.Equal(InterestSpaceResult.Done(channelRef: channel), first);
        Assert.Equal(InterestSpaceResult.Done(channelRef: channel), second); // not_in_channel
        Assert.DoesNotContain(Ada.Value, Api.MembersOf(channel));
        Assert.All(Api.Calls, c => Assert.Equal("conversations.kick", c.Method));
    }

    [Fact]
    public async Task A_bot_that_left_the_channel_joins_again_to_invite()
    {
        var channel = Api.AddChannel("rust", botIsMember: false);

        var result = await spaces.AddMemberAsync(Workspace, Interest(channelRef: channel), Ada, CancellationToken.None);

        Assert.Equal(InterestSpaceOutcome.Done, result.Outcome);
        Assert.Equal(["conversations.invite", "conversations.join", "conversations.invite"], Api.Calls.Select(c => c.Method));
        Assert.Contains(Ada.Value, Api.MembersOf(channel));
    }

    [Fact]
    public async Task A_group_without_a_channel_has_no_space_to_change()
    {
        Assert.Equal(InterestSpaceResult.NoSpace, await spaces.AddMemberAsync(Workspace, Interest(), Ada, CancellationToken.None));
        Assert.Equal(InterestSpaceResult.NoSpace, await spaces.RemoveMemberAsync(Workspace, Interest(), Ada, CancellationToken.None));
        Assert.Empty(Api.Calls);
    }

    [Theory]
    [InlineData("restricted_action", InterestSpaceOutcome.MissingPermissionOrHierarchy)]
    [InlineData("missing_scope", InterestSpaceOutcome.MissingPermissionOrHierarchy)]
    [InlineData("channel_not_found", InterestSpaceOutcome.NotFound)]
    [InlineData("user_not_found", InterestSpaceOutcome.NotFound)]
    [InlineData("internal_error", InterestSpaceOutcome.Unavailable)]
    public async Task Refusals_to_invite_are_neutral_outcomes(string error, InterestSpaceOutcome expected)
    {
        var channel = Api.AddChannel("rust");
        Api.FailNext("conversations.invite", error);

        var result = await spaces.AddMemberAsync(Workspace, Interest(channelRef: channel), Ada, CancellationToken.None);

        Assert.Equal(new InterestSpaceResult(expected, ChannelRef: channel), result);
    }

    [Fact]
    public async Task A_refused_creation_leaves_no_channel_and_says_why()
    {
        Api.FailNext("conversations.create", "restricted_action");

        var result = await spaces.EnsureAsync(Workspace, Interest(), CancellationToken.None);

        Assert.Equal(new InterestSpaceResult(InterestSpaceOutcome.MissingPermissionOrHierarchy), result);
    }

    [Fact]
    public async Task A_long_rate_limit_makes_the_space_unavailable_for_now()
    {
        Api.RateLimitNext("conversations.create", retryAfterSeconds: 600);

        var result = await spaces.EnsureAsync(Workspace, Interest(), CancellationToken.None);

        Assert.Equal(InterestSpaceOutcome.Unavailable, result.Outcome);
    }

    [Fact]
    public async Task A_member_id_that_is_not_slacks_is_not_found_without_a_call()
    {
        var result = await spaces.AddMemberAsync(Workspace, Interest(channelRef: "C1"), new MemberId("U1,U2"), CancellationToken.None);

        Assert.Equal(InterestSpaceOutcome.NotFound, result.Outcome);
        Assert.Empty(Api.Calls);
    }
}

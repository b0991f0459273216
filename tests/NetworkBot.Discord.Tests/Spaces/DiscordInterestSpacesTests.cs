using NetworkBot.Core.Domain;
using NetworkBot.Core.Interests;
using NetworkBot.Discord.Spaces;
using NetworkBot.Discord.Tests.Rest;

namespace NetworkBot.Discord.Tests.Spaces;

public sealed class DiscordInterestSpacesTests : IAsyncLifetime
{
    private static readonly Community Guild = new(CommunityId.For("discord", "555"), "Guild", CommunitySettings.Default, DateTimeOffset.UnixEpoch);
    private static readonly MemberId Ada = new("701");
    private const string NoneListed = "[]";
    private const string Role = """{"id":"300","name":"Machine Learning"}""";
    private const string BotUser = """{"id":"900","username":"NetworkBot"}""";
    private const string Channel = """{"id":"400","type":0,"guild_id":"555"}""";

    private readonly RecordingLoggerProvider logs = new();
    private DiscordRestHarness discord = null!;
    private IInterestSpaces spaces = null!;

    public async Task InitializeAsync()
    {
        discord = await DiscordRestHarness.StartAsync(logs: logs);
        spaces = Assert.Single(discord.Get<IEnumerable<IInterestSpaces>>());
    }

    public async Task DisposeAsync() => await discord.DisposeAsync();

    private IReadOnlyList<RecordedRequest> Requests => discord.Server.Requests;

    private static Interest Interest(string? roleRef = null, string? channelRef = null) =>
        new(Guild.Id, new InterestId("i1"), "Machine Learning", "Models and data", Archived: false, roleRef, channelRef, DateTimeOffset.UnixEpoch);

    private static string Refusal(int code) => $$"""{"code":{{code}},"message":"Refused"}""";

    [Fact]
    public void AddDiscord_registers_the_discord_spaces()
    {
        Assert.IsType<DiscordInterestSpaces>(spaces);
        Assert.Equal("discord", spaces.Platform);
    }

    [Fact]
    public async Task Creating_looks_for_each_part_then_makes_a_plain_role_then_a_text_channel_only_the_role_and_the_bot_can_see()
    {
        discord.Server.Enqueue(200, NoneListed);
        discord.Server.Enqueue(200, Role);
        discord.Server.Enqueue(200, NoneListed);
        discord.Server.Enqueue(200, BotUser);
        discord.Server.Enqueue(200, Channel);

        var result = await spaces.EnsureAsync(Guild, Interest(), CancellationToken.None);

        Assert.Equal(InterestSpaceResult.Done("300", "400"), result);
        Assert.Equal(
            [
                ("GET", "/api/v10/guilds/555/roles"), ("POST", "/api/v10/guilds/555/roles"),
                ("GET", "/api/v10/guilds/555/channels"), ("GET", "/api/v10/users/@me"), ("POST", "/api/v10/guilds/555/channels"),
            ],
            Requests.Select(r => (r.Method, r.Path)));
        Assert.Equal("""{"name":"Machine Learning","permissions":"0","mentionable":false}""", Requests[1].Body);
        var channel = Requests[4].Json;
        Assert.Equal("machine-learning", channel.GetProperty("name").GetString());
        Assert.Equal(0, channel.GetProperty("type").GetInt32());
        Assert.Equal("Models and data", channel.GetProperty("topic").GetString());
        Assert.Equal(
            """[{"id":"555","type":0,"allow":"0","deny":"1024"},{"id":"300","type":0,"allow":"68608","deny":"0"},{"id":"900","type":1,"allow":"68608","deny":"0"}]""",
            channel.GetProperty("permission_overwrites").GetRawText());
    }

    [Fact]
    public async Task A_role_and_channel_an_interrupted_attempt_made_are_adopted_and_not_made_again()
    {
        discord.Server.Enqueue(200, """
            [{"id":"299","name":"Machine Learning","permissions":"8","managed":false},
             {"id":"298","name":"Machine Learning","permissions":"0","managed":true},
             {"id":"300","name":"Machine Learning","permissions":"0","managed":false}]
            """);
        discord.Server.Enqueue(200, """
            [{"id":"401","type":0,"name":"machine-learning","permission_overwrites":[{"id":"299","type":0,"allow":"68608","deny":"0"}]},
             {"id":"400","type":0,"name":"machine-learning","permission_overwrites":[{"id":"555","type":0,"allow":"0","deny":"1024"},{"id":"300","type":0,"allow":"68608","deny":"0"}]}]
            """);

        var result = await spaces.EnsureAsync(Guild, Interest(), CancellationToken.None);

        Assert.Equal(InterestSpaceResult.Done("300", "400"), result);
        Assert.All(Requests, r => Assert.Equal("GET", r.Method));
        Assert.Equal(2, Requests.Count);
    }

    [Fact]
    public async Task The_bot_user_is_asked_for_once()
    {
        discord.Server.Enqueue(200, NoneListed);
        discord.Server.Enqueue(200, BotUser);
        discord.Server.Enqueue(200, Channel);
        discord.Server.Enqueue(200, NoneListed);
        discord.Server.Enqueue(200, Channel);

        await spaces.EnsureAsync(Guild, Interest(roleRef: "300"), CancellationToken.None);
        await spaces.EnsureAsync(Guild, Interest(roleRef: "301"), CancellationToken.None);

        Assert.Single(Requests, r => r.Path == "/api/v10/users/@me");
        Assert.Contains("\"id\":\"900\",\"type\":1", Requests[^1].Body);
    }

    [Fact]
    public async Task Without_the_bot_user_id_the_channel_has_no_bot_overwrite()
    {
        discord.Server.Enqueue(200, NoneListed);
        discord.Server.Enqueue(200, Role);
        discord.Server.Enqueue(200, NoneListed);
        discord.Server.Enqueue(403, Refusal(50001));
        discord.Server.Enqueue(200, Channel);

        var result = await spaces.EnsureAsync(Guild, Interest(), CancellationToken.None);

        Assert.Equal(InterestSpaceOutcome.Done, result.Outcome);
        var overwrites = Requests[^1].Json.GetProperty("permission_overwrites");
        Assert.Equal(["555", "300"], overwrites.EnumerateArray().Select(o => o.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Restoring_reuses_the_role_and_channel_without_calling_Discord()
    {
        var result = await spaces.EnsureAsync(Guild, Interest("300", "400"), CancellationToken.None);

        Assert.Equal(InterestSpaceResult.Done("300", "400"), result);
        Assert.Empty(Requests);
    }

    [Fact]
    public async Task A_refused_channel_keeps_the_role_that_was_made_and_a_retry_makes_only_the_channel()
    {
        discord.Server.Enqueue(200, NoneListed);
        discord.Server.Enqueue(200, Role);
        discord.Server.Enqueue(200, NoneListed);
        discord.Server.Enqueue(200, BotUser);
        discord.Server.Enqueue(403, Refusal(50013));

        var refused = await spaces.EnsureAsync(Guild, Interest(), CancellationToken.None);

        Assert.Equal(new InterestSpaceResult(InterestSpaceOutcome.MissingPermissionOrHierarchy, "300", null), refused);

        discord.Server.Enqueue(200, NoneListed);
        discord.Server.Enqueue(200, Channel);
        var retried = await spaces.EnsureAsync(Guild, Interest(refused.RoleRef), CancellationToken.None);

        Assert.Equal(InterestSpaceResult.Done("300", "400"), retried);
        Assert.Single(Requests, r => r is { Method: "POST", Path: "/api/v10/guilds/555/roles" });
    }

    [Fact]
    public async Task Giving_and_taking_the_role_use_the_member_role_paths()
    {
        discord.Server.Enqueue(204);
        discord.Server.Enqueue(204);

        var given = await spaces.AddMemberAsync(Guild, Interest("300", "400"), Ada, CancellationToken.None);
        var taken = await spaces.RemoveMemberAsync(Guild, Interest("300", "400"), Ada, CancellationToken.None);

        Assert.Equal([InterestSpaceOutcome.Done, InterestSpaceOutcome.Done], [given.Outcome, taken.Outcome]);
        Assert.Equal(
            [("PUT", "/api/v10/guilds/555/members/701/roles/300"), ("DELETE", "/api/v10/guilds/555/members/701/roles/300")],
            Requests.Select(r => (r.Method, r.Path)));
        Assert.All(Requests, r => Assert.Equal("", r.Body));
    }

    [Fact]
    public async Task A_group_without_a_role_has_no_space_to_change()
    {
        var result = await spaces.AddMemberAsync(Guild, Interest(), Ada, CancellationToken.None);

        Assert.Equal(InterestSpaceOutcome.NoSpace, result.Outcome);
        Assert.Empty(Requests);
    }

    [Theory]
    [InlineData(true, 403, 50013, InterestSpaceOutcome.MissingPermissionOrHierarchy)]
    [InlineData(false, 403, 50013, InterestSpaceOutcome.MissingPermissionOrHierarchy)]
    [InlineData(true, 403, 50001, InterestSpaceOutcome.MissingPermissionOrHierarchy)]
    [InlineData(true, 404, 10011, InterestSpaceOutcome.NotFound)]
    [InlineData(false, 404, 10007, InterestSpaceOutcome.NotFound)]
    [InlineData(true, 400, 50035, InterestSpaceOutcome.Unavailable)]
    public async Task A_refused_role_change_becomes_a_neutral_outcome(bool give, int status, int code, InterestSpaceOutcome expected)
    {
        discord.Server.Enqueue(status, Refusal(code));

        var result = give
            ? await spaces.AddMemberAsync(Guild, Interest("300", "400"), Ada, CancellationToken.None)
            : await spaces.RemoveMemberAsync(Guild, Interest("300", "400"), Ada, CancellationToken.None);

        Assert.Equal(new InterestSpaceResult(expected, "300", "400"), result);
    }

    [Fact]
    public async Task A_refusal_is_logged_with_its_reason_and_never_with_the_token()
    {
        discord.Server.Enqueue(403, Refusal(50013));

        await spaces.AddMemberAsync(Guild, Interest("300", "400"), Ada, CancellationToken.None);

        Assert.Contains(logs.Lines, l => l.Contains("MissingPermissionOrHierarchy", StringComparison.Ordinal) && l.Contains("50013", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(DiscordRestHarness.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ids_that_are_not_discord_ids_are_not_found_without_a_request()
    {
        var result = await spaces.AddMemberAsync(Guild, Interest("300", "400"), new MemberId("aiko"), CancellationToken.None);

        Assert.Equal(InterestSpaceOutcome.NotFound, result.Outcome);
        Assert.Empty(Requests);
    }

    [Theory]
    [InlineData("Machine Learning", "machine-learning")]
    [InlineData("  Rust   and  Go ", "rust-and-go")]
    [InlineData("写真", "写真")]
    [InlineData("   ", "interest")]
    public void Channel_names_follow_discord_rules(string interest, string expected) =>
        Assert.Equal(expected, DiscordInterestSpaces.ChannelName(interest));

    [Fact]
    public void Channel_names_are_at_most_100_characters() =>
        Assert.Equal(100, DiscordInterestSpaces.ChannelName(new string('a', 150)).Length);
}

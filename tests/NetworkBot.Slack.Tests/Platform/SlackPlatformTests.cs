using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Platform;
using NetworkBot.Core.Replies;
using NetworkBot.Slack.Tests.Fakes;
using NetworkBot.Slack.Tests.WebApi;
using NetworkBot.Storage;
using NetworkBot.Storage.Sqlite;
using NetworkBot.Tests;

namespace NetworkBot.Slack.Tests.Platform;

public sealed class SlackPlatformTests : IAsyncLifetime
{
    private static readonly CommunityId Workspace = SlackPlatform.CommunityFor(FakeSlackApi.TeamId);

    private readonly TempDatabase database = new();
    private SlackApiHarness harness = null!;
    private SqliteStore store = null!;
    private IChatPlatform platform = null!;

    private FakeSlackApi Api => harness.Api;

    public async Task InitializeAsync()
    {
        var storage = Options.Create(new StorageOptions { ConnectionString = database.ConnectionString });
        await new SqliteMigrator(storage, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);
        store = new SqliteStore(storage);
        harness = await SlackApiHarness.StartAsync(services => services.AddSingleton<IOutboxStore>(store));
        Api.Clock = harness.Clock;
        platform = Assert.Single(harness.Get<IEnumerable<IChatPlatform>>());
    }

    public async Task DisposeAsync()
    {
        await harness.DisposeAsync();
        database.Dispose();
    }

    private async Task<OutboxMessage> StoreAsync(OutboxMessage message)
    {
        await store.EnqueueAsync([message], CancellationToken.None);
        return await ReloadAsync(message);
    }

    private async Task<OutboxMessage> ReloadAsync(OutboxMessage message) =>
        (await store.ListDueOutboxAsync(DateTimeOffset.MaxValue, int.MaxValue, CancellationToken.None)).Single(m => m.Key == message.Key);

    /// <summary>As after a crash between a post and the record of its outcome: only the post's start is known.</summary>
    private async Task<OutboxMessage> ForgetOutcomeAsync(OutboxMessage message, DateTimeOffset postStartedAt)
    {
        await store.SaveOutboxProgressAsync(message.Id, new DeliveryProgress { PostStartedAt = postStartedAt }.Write(), CancellationToken.None);
        return await ReloadAsync(message);
    }

    private static OutboxMessage Message(MessageTarget target, Reply? reply = null) =>
        OutboxMessage.Create(Workspace, "round:1", target, reply ?? new Reply("Meet your coffee partners") { Title = "Coffee chat" }, DateTimeOffset.UnixEpoch);

    private static MessageTarget Group(int size) =>
        MessageTarget.ToGroup(null, [.. Enumerable.Range(1, size).Select(n => new MemberId($"U{n:000}"))]);

    private IReadOnlyList<string> Methods => [.. Api.Calls.Select(c => c.Method)];

    [Fact]
    public void AddSlack_registers_the_slack_platform()
    {
        Assert.IsType<SlackPlatform>(platform);
        Assert.Equal("slack", platform.Platform);
        Assert.Equal("slack:T0NETWORK", Workspace.Value);
    }

    [Fact]
    public async Task A_channel_message_is_posted_there_and_referenced_as_channel_slash_ts()
    {
        var channel = Api.AddChannel("intros");

        var result = await platform.DeliverAsync(Message(MessageTarget.ToChannel(channel)), CancellationToken.None);

        var posted = Assert.Single(Api.Messages);
        Assert.Equal(new DeliveryResult.Delivered($"{channel}/{posted.Ts}"), result);
        Assert.Equal(channel, posted.Channel);
        Assert.Equal("Coffee chat\nMeet your coffee partners", posted.Text);
        Assert.Equal("header", posted.Blocks![0]!["type"]!.GetValue<string>());
        Assert.Equal(["chat.postMessage"], Methods);
    }

    [Fact]
    public async Task A_member_message_is_one_post_to_their_user_id_which_slack_delivers_in_their_dm()
    {
        var result = await platform.DeliverAsync(Message(MessageTarget.ToMember(new MemberId("U042"))), CancellationToken.None);

        Assert.Equal(["chat.postMessage"], Methods);
        Assert.Equal("U042", Api.Calls[0].Arg("channel"));
        var posted = Assert.Single(Api.Messages);
        Assert.StartsWith("D", posted.Channel, StringComparison.Ordinal);
        Assert.Equal(new DeliveryResult.Delivered($"{posted.Channel}/{posted.Ts}"), result);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    public async Task A_group_of_up_to_eight_gets_one_group_dm_with_everyone(int size)
    {
        var result = await platform.DeliverAsync(Message(Group(size)), CancellationToken.None);

        Assert.Equal(["conversations.open", "chat.postMessage"], Methods);
        Assert.Equal(string.Join(',', Enumerable.Range(1, size).Select(n => $"U{n:000}")), Api.Calls[0].Arg("users"));
        var posted = Assert.Single(Api.Messages);
        Assert.StartsWith("G", posted.Channel, StringComparison.Ordinal);
        Assert.IsType<DeliveryResult.Delivered>(result);
    }

    [Fact]
    public async Task A_group_larger_than_a_group_dm_gets_one_dm_each()
    {
        var result = await platform.DeliverAsync(Message(Group(10)), CancellationToken.None);

        Assert.Equal(Enumerable.Repeat("chat.postMessage", 10), Methods);
        Assert.Equal(Enumerable.Range(1, 10).Select(n => $"U{n:000}"), Api.Calls.Select(c => c.Arg("channel")));
        Assert.Equal(10, Api.Messages.Select(m => m.Channel).Distinct().Count());
        Assert.All(Api.Messages, m => Assert.StartsWith("D", m.Channel, StringComparison.Ordinal));
        Assert.IsType<DeliveryResult.Delivered>(result);
    }

    [Fact]
    public async Task A_group_slack_will_not_open_still_reaches_everyone_it_can_by_dm()
    {
        Api.AddUser("U002", "gone", deleted: true);

        var result = await platform.DeliverAsync(Message(Group(3)), CancellationToken.None);

        var opens = Api.Calls.Where(c => c.Method == "conversations.open").Select(c => c.Arg("users")).ToList();
        Assert.Equal(["U001,U002,U003"], opens);
        Assert.Equal(["U001", "U002", "U003"], Api.Calls.Where(c => c.Method == "chat.postMessage").Select(c => c.Arg("channel")));
        Assert.Equal(2, Api.Messages.Count);
        Assert.IsType<DeliveryResult.Delivered>(result);
    }

    [Fact]
    public async Task A_channel_the_bot_is_not_in_fails_with_a_clear_reason()
    {
        var channel = Api.AddChannel("private-ish", botIsMember: false);

        var result = await platform.DeliverAsync(Message(MessageTarget.ToChannel(channel)), CancellationToken.None);

        var failed = Assert.IsType<DeliveryResult.Failed>(result);
        Assert.Contains("not_in_channel", failed.Reason, StringComparison.Ordinal);
        Assert.Contains("/invite", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_rate_limit_comes_back_later_after_slacks_pause()
    {
        Api.RateLimitNext("chat.postMessage", retryAfterSeconds: 900);

        var result = await platform.DeliverAsync(Message(MessageTarget.ToChannel("C123")), CancellationToken.None);

        var retry = Assert.IsType<DeliveryResult.RetryLater>(result);
        Assert.Equal(TimeSpan.FromSeconds(900), retry.After);
    }

    [Theory]
    [InlineData("internal_error")]
    [InlineData("invalid_auth")]
    public async Task Outages_and_a_wrong_token_come_back_later(string error)
    {
        Api.FailNext("chat.postMessage", error);

        var result = await platform.DeliverAsync(Message(MessageTarget.ToChannel("C123")), CancellationToken.None);

        Assert.IsType<DeliveryResult.RetryLater>(result);
    }

    [Fact]
    public async Task Every_post_carries_metadata_naming_its_outbox_key()
    {
        var channel = Api.AddChannel("intros");

        await platform.DeliverAsync(Message(MessageTarget.ToChannel(channel)), CancellationToken.None);

        var metadata = Assert.Single(Api.Messages).Metadata!;
        Assert.Equal(SlackPlatform.OutboxEventType, metadata["event_type"]!.GetValue<string>());
        Assert.Equal("round:1", metadata["event_payload"]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_post_whose_outcome_was_lost_is_found_in_the_history_and_not_posted_again()
    {
        var channel = Api.AddChannel("intros");
        var stored = await StoreAsync(Message(MessageTarget.ToChannel(channel)));
        var began = harness.Clock.GetUtcNow();
        var first = Assert.IsType<DeliveryResult.Delivered>(await platform.DeliverAsync(stored, CancellationToken.None));
        harness.Clock.Advance(TimeSpan.FromMinutes(30));

        var again = await platform.DeliverAsync(await ForgetOutcomeAsync(stored, began), CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Single(Api.Messages);
        var lookup = Assert.Single(Api.Calls, c => c.Method == "conversations.history");
        Assert.Equal("true", lookup.Arg("include_all_metadata"));
        Assert.Equal(channel, lookup.Arg("channel"));
    }

    [Fact]
    public async Task A_post_slack_made_but_answered_with_a_server_error_is_found_on_the_retry_and_not_posted_twice()
    {
        var channel = Api.AddChannel("intros");
        var stored = await StoreAsync(Message(MessageTarget.ToChannel(channel)));
        Api.ServerErrorAfterActingNext("chat.postMessage");

        Assert.IsType<DeliveryResult.RetryLater>(await platform.DeliverAsync(stored, CancellationToken.None));
        var posted = Assert.Single(Api.Messages);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var retried = await platform.DeliverAsync(await ReloadAsync(stored), CancellationToken.None);

        Assert.Equal(new DeliveryResult.Delivered($"{channel}/{posted.Ts}"), retried);
        Assert.Single(Api.Messages);
        Assert.Equal(["chat.postMessage", "conversations.history"], Methods);
    }

    [Fact]
    public async Task A_dm_slack_made_but_answered_with_a_server_error_is_found_in_the_members_dm_on_the_retry()
    {
        var stored = await StoreAsync(Message(MessageTarget.ToMember(new MemberId("U042"))));
        Api.ServerErrorAfterActingNext("chat.postMessage");

        Assert.IsType<DeliveryResult.RetryLater>(await platform.DeliverAsync(stored, CancellationToken.None));
        var posted = Assert.Single(Api.Messages);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var retried = await platform.DeliverAsync(await ReloadAsync(stored), CancellationToken.None);

        Assert.IsType<DeliveryResult.Delivered>(retried);
        Assert.Single(Api.Messages);
        Assert.Equal(["chat.postMessage", "conversations.open", "conversations.history"], Methods); // the retry opens the DM to read it
        Assert.Equal(posted.Channel, Assert.Single(Api.Calls, c => c.Method == "conversations.history").Arg("channel"));
    }

    [Fact]
    public async Task A_post_that_never_arrived_is_sent_after_the_look_up_and_an_older_post_of_the_key_does_not_count()
    {
        var channel = Api.AddChannel("intros");
        var stored = await StoreAsync(Message(MessageTarget.ToChannel(channel)));
        await platform.DeliverAsync(stored, CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromHours(1));

        var result = await platform.DeliverAsync(await ForgetOutcomeAsync(stored, harness.Clock.GetUtcNow()), CancellationToken.None);

        Assert.Equal(2, Api.Messages.Count);
        Assert.Equal(new DeliveryResult.Delivered($"{channel}/{Api.Messages[1].Ts}"), result);
        Assert.Equal(["chat.postMessage", "conversations.history", "chat.postMessage"], Methods);
    }

    [Fact]
    public async Task A_workspace_that_refuses_the_look_up_still_gets_the_message()
    {
        var channel = Api.AddChannel("intros");
        var stored = await StoreAsync(Message(MessageTarget.ToChannel(channel)));
        Api.FailNext("conversations.history", "missing_scope");

        var result = await platform.DeliverAsync(await ForgetOutcomeAsync(stored, harness.Clock.GetUtcNow()), CancellationToken.None);

        Assert.IsType<DeliveryResult.Delivered>(result);
        Assert.Equal(["conversations.history", "chat.postMessage"], Methods);
    }

    [Fact]
    public async Task A_member_told_to_wait_is_sent_to_on_a_later_attempt_and_the_others_are_not_sent_to_again()
    {
        var stored = await StoreAsync(Message(Group(10)));
        Api.FailNext("chat.postMessage", "internal_error");

        Assert.IsType<DeliveryResult.RetryLater>(await platform.DeliverAsync(stored, CancellationToken.None));
        Assert.Equal(9, Api.Messages.Count);
        Assert.IsType<DeliveryResult.Delivered>(await platform.DeliverAsync(await ReloadAsync(stored), CancellationToken.None));

        Assert.Equal(10, Api.Messages.Count);
        Assert.Equal(10, Api.Messages.Select(m => m.Channel).Distinct().Count());
        var progress = DeliveryProgress.Read((await ReloadAsync(stored)).Progress);
        Assert.All(stored.Target.Members, m => Assert.Equal(RecipientStatus.Delivered, progress.Of(m)!.Status));
    }

    [Fact]
    public async Task A_group_reached_by_dm_records_why_a_member_could_not_be_reached()
    {
        Api.AddUser("U002", "gone", deleted: true);
        var stored = await StoreAsync(Message(Group(3)));

        Assert.IsType<DeliveryResult.Delivered>(await platform.DeliverAsync(stored, CancellationToken.None));

        var gone = DeliveryProgress.Read((await ReloadAsync(stored)).Progress).Of(new MemberId("U002"))!;
        Assert.Equal(RecipientStatus.GaveUp, gone.Status);
        Assert.False(string.IsNullOrEmpty(gone.Reason));
    }

    [Theory]
    [InlineData("U1,U2")]
    [InlineData("<@U1>")]
    [InlineData("701")]
    public async Task A_member_id_that_is_not_slacks_fails_before_any_call(string member)
    {
        var result = await platform.DeliverAsync(Message(MessageTarget.ToMember(new MemberId(member))), CancellationToken.None);

        Assert.IsType<DeliveryResult.Failed>(result);
        Assert.Empty(Api.Calls);
    }

    [Theory]
    [InlineData("#general")]
    [InlineData("")]
    public async Task A_channel_that_is_not_an_id_fails_before_any_call(string channel)
    {
        var result = await platform.DeliverAsync(Message(MessageTarget.ToChannel(channel)), CancellationToken.None);

        Assert.Contains("channel id", Assert.IsType<DeliveryResult.Failed>(result).Reason, StringComparison.Ordinal);
        Assert.Empty(Api.Calls);
    }

    [Fact]
    public async Task A_group_without_members_fails()
    {
        var result = await platform.DeliverAsync(Message(MessageTarget.ToGroup(null, [])), CancellationToken.None);

        Assert.IsType<DeliveryResult.Failed>(result);
    }

    [Fact]
    public async Task What_members_wrote_cannot_ping_the_channel()
    {
        var result = await platform.DeliverAsync(Message(MessageTarget.ToChannel("C123"), new Reply("Hi <!channel>, I'm new")), CancellationToken.None);

        Assert.IsType<DeliveryResult.Delivered>(result);
        var call = Api.Calls.Single();
        Assert.DoesNotContain("<!channel>", call.Body, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt;", call.Arg("text"), StringComparison.Ordinal);
    }
}

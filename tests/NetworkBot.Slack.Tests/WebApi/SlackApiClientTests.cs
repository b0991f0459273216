using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using NetworkBot.Slack.Tests.Fakes;
using NetworkBot.Slack.WebApi;
using NetworkBot.Slack.WebApi.Payloads;
using NetworkBot.Transport;

namespace NetworkBot.Slack.Tests.WebApi;

public sealed class SlackApiClientTests : IAsyncLifetime
{
    private static readonly SlackMessage Hello = new("hello", new JsonArray(new JsonObject { ["type"] = "divider" }));

    private SlackApiHarness harness = null!;

    private FakeSlackApi Api => harness.Api;

    public async Task InitializeAsync() => harness = await SlackApiHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Every_call_carries_the_bot_token_as_a_bearer_token()
    {
        await harness.Client.AuthTestAsync(CancellationToken.None);
        await harness.Client.PostMessageAsync("C1", Hello, null, CancellationToken.None);

        Assert.All(Api.Calls, call => Assert.Equal($"Bearer {SlackApiHarness.Token}", call.Authorization));
        Assert.All(Api.Calls, call => Assert.Equal("POST", call.HttpMethod));
    }

    [Fact]
    public async Task Auth_test_tells_the_bot_user_and_the_workspace()
    {
        var auth = await harness.Client.AuthTestAsync(CancellationToken.None);

        Assert.Equal(FakeSlackApi.BotUserId, auth.UserId);
        Assert.Equal(FakeSlackApi.TeamId, auth.TeamId);
        Assert.Equal("slack:" + FakeSlackApi.TeamId, SlackPlatform.CommunityFor(auth.TeamId).Value);
    }

    [Fact]
    public async Task Message_and_view_methods_send_json_and_conversation_methods_send_forms()
    {
        var channel = Api.AddChannel("general");
        await harness.Client.PostMessageAsync(channel, Hello, "1.2", CancellationToken.None);
        await harness.Client.PublishViewAsync(FakeSlackApi.BotUserId, new JsonObject { ["type"] = "home", ["blocks"] = new JsonArray() }, CancellationToken.None);
        await harness.Client.OpenConversationAsync(["U1", "U2"], CancellationToken.None);
        await harness.Client.CreateConversationAsync("ai-club", isPrivate: false, CancellationToken.None);

        var post = Api.Calls.Single(c => c.Method == "chat.postMessage");
        Assert.Equal("application/json; charset=utf-8", post.ContentType);
        Assert.Equal("divider", post.Args["blocks"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("1.2", post.Arg("thread_ts"));
        Assert.Equal("hello", post.Arg("text"));
        Assert.True(Api.Calls.Single(c => c.Method == "views.publish").IsJson);

        var open = Api.Calls.Single(c => c.Method == "conversations.open");
        Assert.True(open.IsForm);
        Assert.Equal("U1,U2", open.Arg("users"));
        var create = Api.Calls.Single(c => c.Method == "conversations.create");
        Assert.True(create.IsForm);
        Assert.Equal("ai-club", create.Arg("name"));
        Assert.Equal("false", create.Arg("is_private"));
    }

    [Fact]
    public async Task Posts_never_unfurl_and_never_ask_slack_to_link_names()
    {
        await harness.Client.PostMessageAsync("C1", Hello, null, CancellationToken.None);

        var post = Api.Calls.Single(c => c.Method == "chat.postMessage");
        Assert.Equal("false", post.Arg("unfurl_links"));
        Assert.Equal("false", post.Arg("unfurl_media"));
        Assert.False(post.Args.ContainsKey("link_names"));
        Assert.False(post.Args.ContainsKey("thread_ts"));
    }

    [Fact]
    public async Task A_post_returns_where_the_message_landed()
    {
        var sent = await harness.Client.PostMessageAsync("C1", Hello, null, CancellationToken.None);

        var posted = Assert.Single(Api.Messages);
        Assert.Equal(new SlackMessageRef("C1", posted.Ts), sent);
        Assert.Equal($"C1/{posted.Ts}", sent.ToString());
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("not_in_channel")]
    [InlineData("invalid_auth")]
    public async Task Ok_false_is_a_typed_exception_with_slacks_error_code(string error)
    {
        Api.FailNext("chat.postMessage", error);

        var thrown = await Assert.ThrowsAsync<SlackApiException>(() => harness.Client.PostMessageAsync("C1", Hello, null, CancellationToken.None));

        Assert.Equal(error, thrown.Error);
        Assert.Equal("chat.postMessage", thrown.Method);
        Assert.Contains(error, thrown.Message);
        Assert.DoesNotContain(SlackApiHarness.Token, thrown.Message);
        Assert.Single(Api.Calls); // a refusal is not retried
    }

    [Fact]
    public async Task A_channel_the_bot_is_not_in_is_refused_with_not_in_channel()
    {
        var channel = Api.AddChannel("quiet", botIsMember: false);

        var thrown = await Assert.ThrowsAsync<SlackApiException>(() => harness.Client.PostMessageAsync(channel, Hello, null, CancellationToken.None));

        Assert.Equal(SlackApiErrors.NotInChannel, thrown.Error);
        Assert.Contains("/invite", thrown.Message);
    }

    [Fact]
    public async Task A_429_pauses_only_its_own_method_for_retry_after_then_retries()
    {
        Api.RateLimitNext("chat.postMessage", retryAfterSeconds: 30);

        var post = harness.Client.PostMessageAsync("C1", Hello, null, CancellationToken.None);
        await harness.Clock.WaitForTimersAsync(1);

        // Another method goes through while chat.postMessage waits.
        var user = await harness.Client.AuthTestAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(FakeSlackApi.BotUserId, user.UserId);
        Assert.False(post.IsCompleted);

        harness.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(post.IsCompleted);
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        await post.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, Api.Calls.Count(c => c.Method == "chat.postMessage"));
        Assert.Single(Api.Messages);
    }

    [Fact]
    public async Task A_pause_longer_than_the_limiter_waits_is_handed_back_with_its_length()
    {
        Api.RateLimitNext("users.info", retryAfterSeconds: 600);

        var thrown = await Assert.ThrowsAsync<SlackApiException>(() => harness.Client.GetUserAsync(FakeSlackApi.BotUserId, CancellationToken.None));

        Assert.True(thrown.IsRateLimited);
        Assert.Equal(TimeSpan.FromSeconds(600), thrown.RetryAfter);
        Assert.Single(Api.Calls);

        // The method stays paused: the next call is refused at once, without reaching Slack.
        await Assert.ThrowsAsync<SlackApiException>(() => harness.Client.GetUserAsync(FakeSlackApi.BotUserId, CancellationToken.None));
        Assert.Single(Api.Calls);
    }

    [Fact]
    public async Task A_response_url_post_is_sent_once_and_without_the_bot_token()
    {
        await harness.Client.RespondAsync(Api.ResponseUrl("cmd-1"), new JsonObject { ["text"] = "hello" }, CancellationToken.None);

        var post = Assert.Single(Api.HookPosts);
        Assert.Equal(("cmd-1", "hello"), (post.Id, post.Body["text"]!.GetValue<string>()));
        Assert.DoesNotContain(SlackApiHarness.Token, post.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_url_whose_host_refuses_connections_is_tried_with_the_shared_backoff_then_reported()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var posting = harness.Client.RespondAsync(new Uri($"http://127.0.0.1:{port}/hooks/cmd-1"), new JsonObject { ["text"] = "hello" }, CancellationToken.None);
        for (var timers = 1; timers < RetryingSender.ApiAttempts; timers++)
        {
            await harness.Clock.WaitForTimersAsync(timers);
            Assert.False(posting.IsCompleted);
            harness.Clock.Advance(RetryingSender.ApiRetries.Max);
        }

        var thrown = await Assert.ThrowsAsync<SlackApiException>(() => posting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(SlackApiErrors.ConnectionError, thrown.Error);
        Assert.Equal(RetryingSender.ApiAttempts - 1, harness.Clock.TimersCreated);
    }

    [Fact]
    public async Task Rate_limits_that_keep_coming_end_after_the_bounded_attempts()
    {
        Api.RateLimitNext("auth.test", retryAfterSeconds: 1, times: RetryingSender.ApiAttempts);

        var call = harness.Client.AuthTestAsync(CancellationToken.None);
        for (var timers = 1; timers < RetryingSender.ApiAttempts; timers++)
        {
            await harness.Clock.WaitForTimersAsync(timers);
            harness.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var thrown = await Assert.ThrowsAsync<SlackApiException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(thrown.IsRateLimited);
        Assert.Equal(RetryingSender.ApiAttempts, Api.Calls.Count);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff()
    {
        Api.ServerErrorNext("users.info", 503, times: 2);

        var call = harness.Client.GetUserAsync(FakeSlackApi.BotUserId, CancellationToken.None);
        await harness.Clock.WaitForTimersAsync(1);
        harness.Clock.Advance(TimeSpan.FromMilliseconds(500));
        await harness.Clock.WaitForTimersAsync(2);
        Assert.False(call.IsCompleted);
        harness.Clock.Advance(TimeSpan.FromSeconds(1));

        var user = await call.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(FakeSlackApi.BotUserId, user.Id);
        Assert.Equal(3, Api.Calls.Count);
    }

    [Fact]
    public async Task A_post_answered_with_a_server_error_is_not_sent_again_since_slack_may_have_posted_it()
    {
        Api.ServerErrorNext("chat.postMessage", 503, times: 1);

        var thrown = await Assert.ThrowsAsync<SlackApiException>(
            () => harness.Client.PostMessageAsync("C1", Hello, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.True(thrown.IsTransient);
        Assert.Single(Api.Calls, c => c.Method == "chat.postMessage");
    }

    [Fact]
    public async Task Users_list_follows_the_cursor_across_three_pages()
    {
        Api.PageSize = 2;
        foreach (var n in Enumerable.Range(1, 4))
        {
            Api.AddUser($"U{n}", $"member{n}");
        }

        var users = new List<SlackUser>();
        await foreach (var user in harness.Client.ListUsersAsync(CancellationToken.None))
        {
            users.Add(user);
        }

        Assert.Equal([FakeSlackApi.BotUserId, "U1", "U2", "U3", "U4"], users.Select(u => u.Id));
        var pages = Api.Calls.Where(c => c.Method == "users.list").ToList();
        Assert.Equal(3, pages.Count);
        Assert.Null(pages[0].Arg("cursor"));
        Assert.Equal(["next_2", "next_4"], pages.Skip(1).Select(p => p.Arg("cursor")));
        Assert.All(pages, p => Assert.Equal("200", p.Arg("limit")));
    }

    [Fact]
    public async Task Conversations_list_pages_only_live_public_channels()
    {
        Api.PageSize = 1;
        Api.AddChannel("one");
        Api.AddChannel("old", isArchived: true);
        Api.AddChannel("secret", isPrivate: true);
        Api.AddChannel("two");

        var names = new List<string?>();
        await foreach (var channel in harness.Client.ListPublicChannelsAsync(CancellationToken.None))
        {
            names.Add(channel.Name);
        }

        Assert.Equal(["one", "two"], names);
        Assert.All(Api.Calls, c => Assert.Equal("public_channel", c.Arg("types")));
    }

    [Theory]
    [InlineData("U1,U2")]
    [InlineData("U1 U2")]
    [InlineData("")]
    public async Task A_user_id_that_would_address_other_people_is_refused_before_any_call(string user)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.InviteAsync("C1", [user], CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.OpenConversationAsync([user], CancellationToken.None));

        Assert.Empty(Api.Calls);
    }

    [Fact]
    public async Task Conversations_open_takes_at_most_eight_users()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            harness.Client.OpenConversationAsync([.. Enumerable.Range(1, 9).Select(n => $"U{n}")], CancellationToken.None));

        var group = await harness.Client.OpenConversationAsync([.. Enumerable.Range(1, 8).Select(n => $"U{n}")], CancellationToken.None);
        var again = await harness.Client.OpenConversationAsync([.. Enumerable.Range(1, 8).Select(n => $"U{n}")], CancellationToken.None);
        var dm = await harness.Client.OpenConversationAsync(["U1"], CancellationToken.None);

        Assert.StartsWith("G", group, StringComparison.Ordinal);
        Assert.Equal(group, again);
        Assert.StartsWith("D", dm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Views_open_update_and_publish_return_the_view_and_its_hash()
    {
        var modal = new JsonObject { ["type"] = "modal", ["callback_id"] = "nb1:intro", ["blocks"] = new JsonArray() };

        var opened = await harness.Client.OpenViewAsync("trigger-1", modal, CancellationToken.None);
        var updated = await harness.Client.UpdateViewAsync(opened.Id, modal, opened.Hash, CancellationToken.None);
        var home = await harness.Client.PublishViewAsync(FakeSlackApi.BotUserId, new JsonObject { ["type"] = "home", ["blocks"] = new JsonArray() }, CancellationToken.None);

        Assert.Equal("nb1:intro", opened.CallbackId);
        Assert.NotNull(opened.Hash);
        Assert.Equal(opened.Id, updated.Id);
        Assert.Equal(opened.Hash, Api.Calls.Single(c => c.Method == "views.update").Arg("hash"));
        Assert.Equal("home", home.Type);
    }

    [Fact]
    public async Task Message_updates_and_ephemeral_messages_go_to_their_methods()
    {
        var sent = await harness.Client.PostMessageAsync("C1", Hello, null, CancellationToken.None);
        var updated = await harness.Client.UpdateMessageAsync(sent, Hello with { Text = "changed" }, CancellationToken.None);
        var ephemeral = await harness.Client.PostEphemeralAsync("C1", "U1", Hello, CancellationToken.None);

        Assert.Equal(sent, updated);
        Assert.Equal("changed", Api.Calls.Single(c => c.Method == "chat.update").Arg("text"));
        Assert.False(string.IsNullOrEmpty(ephemeral));
        Assert.Equal("U1", Api.Calls.Single(c => c.Method == "chat.postEphemeral").Arg("user"));
    }

    [Fact]
    public async Task Users_info_reads_who_manages_the_workspace()
    {
        Api.AddUser("U9", "boss", isAdmin: true);

        var user = await harness.Client.GetUserAsync("U9", CancellationToken.None);

        Assert.True(user.IsWorkspaceManager);
        Assert.Equal("boss", user.Profile?.DisplayName);
        Assert.Equal("true", Api.Calls.Single().Arg("include_locale"));
    }

    [Fact]
    public async Task The_fake_can_be_awaited_for_a_call()
    {
        var waiting = Api.WaitForAsync(c => c.Method == "auth.test", CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        await harness.Client.AuthTestAsync(CancellationToken.None);

        var call = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("auth.test", call.Method);
    }
}

using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Platform;
using NetworkBot.Core.Replies;
using NetworkBot.Discord.Interactions;
using NetworkBot.Discord.Rest;
using NetworkBot.Discord.Tests.Rest;
using NetworkBot.Storage;
using NetworkBot.Storage.Sqlite;
using NetworkBot.Tests;

namespace NetworkBot.Discord.Tests.Platform;

public sealed class DiscordPlatformTests : IAsyncLifetime
{
    private static readonly CommunityId Community = CommunityId.For("discord", "555");
    private static readonly MemberId Ada = new("701");
    private static readonly MemberId Bob = new("702");
    private const string DmChannel = """{"id":"900","type":1}""";
    private const string Thread = """{"id":"800","type":12,"parent_id":"111"}""";

    private readonly TempDatabase database = new();
    private DiscordRestHarness discord = null!;
    private SqliteStore store = null!;
    private DiscordPlatform platform = null!;

    public async Task InitializeAsync()
    {
        discord = await DiscordRestHarness.StartAsync();
        var storage = Options.Create(new StorageOptions { ConnectionString = database.ConnectionString });
        await new SqliteMigrator(storage, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);
        store = new SqliteStore(storage);
        platform = new DiscordPlatform(discord.Client, new DiscordDmChannels(discord.Client), store, discord.Clock, NullLogger<DiscordPlatform>.Instance);
    }

    public async Task DisposeAsync()
    {
        await discord.DisposeAsync();
        database.Dispose();
    }

    private IReadOnlyList<RecordedRequest> Requests => discord.Server.Requests;

    private IEnumerable<RecordedRequest> Messages => Requests.Where(r => r.Path.EndsWith("/messages", StringComparison.Ordinal));

    private static OutboxMessage Outbox(MessageTarget target, string key = "round-1:pair-1") =>
        OutboxMessage.Create(Community, key, target, new Reply("Meet your coffee partner") { Title = "Coffee: Ada & Bob" }, DateTimeOffset.UnixEpoch);

    private const string LongRateLimit = """{"message":"You are being rate limited.","retry_after":3600,"global":false}""";

    private static string Refusal(int code) => $$"""{"code":{{code}},"message":"Refused"}""";

    private async Task<OutboxMessage> StoreAsync(OutboxMessage message)
    {
        await store.EnqueueAsync([message], CancellationToken.None);
        return await ReloadAsync(message);
    }

    private async Task<OutboxMessage> ReloadAsync(OutboxMessage message) =>
        (await store.ListDueOutboxAsync(DateTimeOffset.MaxValue, int.MaxValue, CancellationToken.None)).Single(m => m.Key == message.Key);

    /// <summary>A stored channel message whose post began <paramref name="ago"/> and whose answer was lost (a crash).</summary>
    private async Task<OutboxMessage> ChannelPostBegunAsync(TimeSpan ago)
    {
        var stored = await StoreAsync(Outbox(MessageTarget.ToChannel("111")));
        await store.SaveOutboxProgressAsync(stored.Id, new DeliveryProgress { PostStartedAt = discord.Clock.GetUtcNow() }.Write(), CancellationToken.None);
        discord.Clock.Advance(ago);
        return await ReloadAsync(stored);
    }

    /// <summary>Discord's answers when a thread is refused and the two members are reached by DM (channels 900 and 901).</summary>
    private void EnqueueRefusedThreadAndTwoDms()
    {
        discord.Server.Enqueue(403, Refusal(50013));
        discord.Server.Enqueue(200, DmChannel);
        discord.Server.Enqueue(200, FakeDiscordServer.DefaultBody);
        discord.Server.Enqueue(200, """{"id":"901","type":1}""");
    }

    private async Task<DeliveryProgress> ProgressAsync(OutboxMessage message) => DeliveryProgress.Read((await ReloadAsync(message)).Progress);

    private Task<DeliveryResult> DeliverAsync(OutboxMessage message) => platform.DeliverAsync(message, CancellationToken.None);

    [Fact]
    public async Task A_channel_message_is_posted_in_that_channel()
    {
        var result = await DeliverAsync(Outbox(MessageTarget.ToChannel("111")));

        Assert.Equal("1", Assert.IsType<DeliveryResult.Delivered>(result).MessageRef);
        var request = Assert.Single(Requests);
        Assert.Equal(("POST", "/api/v10/channels/111/messages"), (request.Method, request.Path));
        Assert.Equal("Meet your coffee partner", request.Json.GetProperty("content").GetString());
        Assert.True(request.Json.GetProperty("enforce_nonce").GetBoolean());
        Assert.False(request.Json.TryGetProperty("flags", out _));
    }

    [Fact]
    public async Task A_member_message_opens_the_dm_and_then_posts_in_it()
    {
        discord.Server.Enqueue(200, DmChannel);

        var result = await DeliverAsync(Outbox(MessageTarget.ToMember(Ada)));

        Assert.IsType<DeliveryResult.Delivered>(result);
        Assert.Collection(
            Requests,
            dm =>
            {
                Assert.Equal(("POST", "/api/v10/users/@me/channels"), (dm.Method, dm.Path));
                Assert.Equal("701", dm.Json.GetProperty("recipient_id").GetString());
            },
            message => Assert.Equal(("POST", "/api/v10/channels/900/messages"), (message.Method, message.Path)));
    }

    [Fact]
    public async Task A_group_with_a_channel_meets_in_a_private_thread_with_every_member_added()
    {
        discord.Server.Enqueue(201, Thread);

        var result = await DeliverAsync(Outbox(MessageTarget.ToGroup("111", [Ada, Bob])));

        Assert.IsType<DeliveryResult.Delivered>(result);
        Assert.Collection(
            Requests,
            thread =>
            {
                Assert.Equal(("POST", "/api/v10/channels/111/threads"), (thread.Method, thread.Path));
                Assert.Equal(12, thread.Json.GetProperty("type").GetInt32());
                Assert.False(thread.Json.GetProperty("invitable").GetBoolean());
                Assert.Matches("^Coffee: Ada & Bob · [0-9a-f]{6}$", thread.Json.GetProperty("name").GetString());
            },
            ada => Assert.Equal(("PUT", "/api/v10/channels/800/thread-members/701"), (ada.Method, ada.Path)),
            bob => Assert.Equal(("PUT", "/api/v10/channels/800/thread-members/702"), (bob.Method, bob.Path)),
            message => Assert.Equal(("POST", "/api/v10/channels/800/messages"), (message.Method, message.Path)));
    }

    [Fact]
    public async Task A_retry_after_the_thread_was_made_reuses_it_instead_of_opening_a_second_one()
    {
        await store.EnqueueAsync([Outbox(MessageTarget.ToGroup("111", [Ada, Bob]))], CancellationToken.None);
        var stored = Assert.Single(await store.ListDueOutboxAsync(DateTimeOffset.MaxValue, 10, CancellationToken.None));
        discord.Server.Enqueue(201, Thread);
        discord.Server.Enqueue(204);
        discord.Server.Enqueue(204);
        discord.Server.Enqueue(404, Refusal(10003));
        Assert.IsType<DeliveryResult.Failed>(await DeliverAsync(stored));

        var again = Assert.Single(await store.ListDueOutboxAsync(DateTimeOffset.MaxValue, 10, CancellationToken.None));
        Assert.Equal("800", DeliveryProgress.Read(again.Progress).Thread);
        Assert.IsType<DeliveryResult.Delivered>(await DeliverAsync(again));

        Assert.Single(Requests, r => r.Path == "/api/v10/channels/111/threads");
        Assert.Equal(("POST", "/api/v10/channels/800/messages"), (Requests[^1].Method, Requests[^1].Path));
    }

    [Fact]
    public async Task A_member_who_cannot_be_added_to_the_thread_gets_the_message_by_dm_while_the_others_meet_there()
    {
        discord.Server.Enqueue(201, Thread);
        discord.Server.Enqueue(403, Refusal(50001));
        discord.Server.Enqueue(200, DmChannel);
        discord.Server.Enqueue(200, FakeDiscordServer.DefaultBody);
        discord.Server.Enqueue(204);

        var result = await DeliverAsync(Outbox(MessageTarget.ToGroup("111", [Ada, Bob])));

        Assert.IsType<DeliveryResult.Delivered>(result);
        Assert.Equal(["/api/v10/channels/900/messages", "/api/v10/channels/800/messages"], Messages.Select(m => m.Path));
        Assert.Equal("/api/v10/channels/800/thread-members/702", Requests[4].Path);
        Assert.Single(Requests, r => r.Path.EndsWith("/threads", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_thread_name_falls_back_to_coffee_chat_and_never_exceeds_100_characters()
    {
        discord.Server.Enqueue(201, Thread);
        discord.Server.Enqueue(204);
        discord.Server.Enqueue(200, FakeDiscordServer.DefaultBody);
        discord.Server.Enqueue(201, Thread);
        var untitled = OutboxMessage.Create(Community, "k1", MessageTarget.ToGroup("111", [Ada]), new Reply("hi"), DateTimeOffset.UnixEpoch);
        var longTitle = untitled with { Key = "k2", Reply = new Reply("hi") { Title = new string('x', 150) } };

        await DeliverAsync(untitled);
        await DeliverAsync(longTitle);

        var names = Requests.Where(r => r.Path.EndsWith("/threads", StringComparison.Ordinal)).Select(r => r.Json.GetProperty("name").GetString()!).ToList();
        Assert.StartsWith(DiscordPlatform.DefaultThreadName + " · ", names[0], StringComparison.Ordinal);
        Assert.Equal(DiscordPlatform.MaxThreadNameLength, names[1].Length);
        Assert.NotEqual(names[0][^6..], names[1][^6..]);
    }

    /// <summary>Delivers an introduction to Ada and Bob (key <c>ask:a1:introduced</c>) and stores its follow-up, which continues it.</summary>
    private async Task<OutboxMessage> FollowUpAfterIntroductionAsync()
    {
        var introduction = await StoreAsync(Outbox(MessageTarget.ToGroup("111", [Ada, Bob]), "ask:a1:introduced"));
        Assert.IsType<DeliveryResult.Delivered>(await DeliverAsync(introduction));
        await store.MarkDeliveredAsync(introduction.Id, "1", discord.Clock.GetUtcNow(), CancellationToken.None);
        return await StoreAsync(Outbox(MessageTarget.ToGroup("111", [Ada, Bob]) with { Continues = "ask:a1:introduced" }, "ask:a1:follow-up"));
    }

    [Fact]
    public async Task A_follow_up_is_posted_in_the_thread_of_the_message_it_continues_adding_nobody_again()
    {
        discord.Server.Enqueue(201, Thread);
        var followUp = await FollowUpAfterIntroductionAsync();
        var before = Requests.Count;

        var result = await DeliverAsync(followUp);

        Assert.IsType<DeliveryResult.Delivered>(result);
        var posted = Assert.Single(Requests.Skip(before));
        Assert.Equal(("POST", "/api/v10/channels/800/messages"), (posted.Method, posted.Path));
        Assert.Equal("800", (await ProgressAsync(followUp)).Thread);
    }

    [Fact]
    public async Task A_follow_up_of_an_introduction_that_went_by_dm_goes_by_dm_again_without_trying_a_thread()
    {
        EnqueueRefusedThreadAndTwoDms();
        var followUp = await FollowUpAfterIntroductionAsync();
        var before = Requests.Count;

        var result = await DeliverAsync(followUp);

        Assert.IsType<DeliveryResult.Delivered>(result);
        Assert.Equal(["/api/v10/channels/900/messages", "/api/v10/channels/901/messages"], Requests.Skip(before).Where(r => r.Method == "POST").Select(r => r.Path));
        Assert.Single(Requests, r => r.Path.EndsWith("/threads", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_follow_up_whose_thread_was_deleted_meanwhile_reaches_each_member_by_dm()
    {
        discord.Server.Enqueue(201, Thread);
        var followUp = await FollowUpAfterIntroductionAsync();
        discord.Server.Enqueue(404, Refusal(10003));
        discord.Server.Enqueue(200, DmChannel);
        discord.Server.Enqueue(200, FakeDiscordServer.DefaultBody);
        discord.Server.Enqueue(200, """{"id":"901","type":1}""");
        var before = Requests.Count;

        var result = await DeliverAsync(followUp);

        Assert.IsType<DeliveryResult.Delivered>(result);
        Assert.Equal(
            ["/api/v10/channels/800/messages", "/api/v10/channels/900/messages", "/api/v10/channels/901/messages"],
            Requests.Skip(before).Where(r => r.Path.EndsWith("/messages", StringComparison.Ordinal)).Select(r => r.Path));
        Assert.Single(Requests, r => r.Path.EndsWith("/threads", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_group_without_a_channel_gets_one_dm_per_member()
    {
        discord.Server.Enqueue(200, DmChannel);
        discord.Server.Enqueue(200, FakeDiscordServer.DefaultBody);
        discord.Server.Enqueue(200, """{"id":"901","type":1}""");

        var result = await DeliverAsync(Outbox(MessageTarget.ToGroup(null, [Ada, Bob])));

        Assert.IsType<DeliveryResult.Delivered>(result);
        Assert.Equal(["/api/v10/channels/900/messages", "/api/v10/channels/901/messages"], Messages.Select(m => m.Path));
        Assert.Equal(
            ["701", "702"],
            Requests.Where(r => r.Path == "/api/v10/users/@me/channels").Select(r => r.Json.GetProperty("recipient_id").GetString()));
        Assert.DoesNotContain(Requests, r => r.Path.EndsWith("/threads", StringComparison.Ordinal));
    }

    /// <summary>
    /// An introduction's follow-up in a server without a coffee channel reaches each of the two by DM, and its buttons
    /// name the server, since a press in a DM carries none back (the ask's id and answer fit Discord's 100 characters).
    /// </summary>
    [Fact]
    public async Task An_introduction_without_a_channel_reaches_each_member_by_dm_with_buttons_that_name_the_server()
    {
        discord.Server.Enqueue(200, DmChannel);
        discord.Server.Enqueue(200, FakeDiscordServer.DefaultBody);
        discord.Server.Enqueue(200, """{"id":"901","type":1}""");
        var followUp = new Reply("A week ago Ada and Bob were introduced. Did you connect?")
        {
            Title = "An introduction",
            Buttons =
            [
                new("Yes, we connected", CommandInvocation.Of("asks connected", ("ask", "q7m2xk4a"), ("connected", "yes"))),
                new("Not yet", CommandInvocation.Of("asks connected", ("ask", "q7m2xk4a"), ("connected", "not-yet"))),
            ],
        };

        var result = await DeliverAsync(OutboxMessage.Create(Community, "ask:q7m2xk4a:follow-up", MessageTarget.ToGroup(null, [Ada, Bob]), followUp, DateTimeOffset.UnixEpoch));

        Assert.IsType<DeliveryResult.Delivered>(result);
        Assert.Equal(["/api/v10/channels/900/messages", "/api/v10/channels/901/messages"], Messages.Select(m => m.Path));
        foreach (var dm in Messages)
        {
            var pressed = dm.Json.GetProperty("components").EnumerateArray()
                .SelectMany(row => row.GetProperty("components").EnumerateArray())
                .Select(button => CustomIds.TryDecode(button.GetProperty("custom_id").GetString(), out var action, out _, out var guild) ? (action, guild) : default)
                .ToList();
            Assert.Equal(["yes", "not-yet"], pressed.Select(p => p.action!.Options["connected"]));
            Assert.All(pressed, p => Assert.Equal(("asks connected", "q7m2xk4a", new Snowflake(555)), (p.action!.Path, p.action.Options["ask"], p.guild)));
        }
    }

    [Fact]
    public async Task Closed_dms_fail_the_delivery_with_a_reason_a_person_can_read()
    {
        discord.Server.Enqueue(200, DmChannel);
        discord.Server.Enqueue(403, Refusal(50007));

        var result = await DeliverAsync(Outbox(MessageTarget.ToMember(Ada)));

        Assert.Contains("closed DMs", Assert.IsType<DeliveryResult.Failed>(result).Reason);
    }

    [Fact]
    public async Task A_group_dm_that_reaches_some_members_is_delivered_with_the_reason_for_each_one_it_could_not_reach()
    {
        var stored = await StoreAsync(Outbox(MessageTarget.ToGroup(null, [Ada, Bob])));
        discord.Server.Enqueue(200, DmChannel);
        discord.Server.Enqueue(403, Refusal(50007));
        discord.Server.Enqueue(200, """{"id":"901","type":1}""");

        var result = await DeliverAsync(stored);

        Assert.IsType<DeliveryResult.Delivered>(result);
        Assert.Equal(2, Messages.Count());
        var progress = await ProgressAsync(stored);
        Assert.Equal(RecipientStatus.GaveUp, progress.Of(Ada)!.Status);
        Assert.Contains("50007", progress.Of(Ada)!.Reason, StringComparison.Ordinal);
        Assert.Equal(RecipientStatus.Delivered, progress.Of(Bob)!.Status);
    }

    [Fact]
    public async Task A_member_told_to_wait_is_sent_to_on_a_later_attempt_and_the_others_are_not_sent_to_again()
    {
        var stored = await StoreAsync(Outbox(MessageTarget.ToGroup(null, [Ada, Bob])));
        discord.Server.Enqueue(200, DmChannel);
        discord.Server.Enqueue(200, FakeDiscordServer.DefaultBody);
        discord.Server.Enqueue(200, """{"id":"901","type":1}""");
        discord.Server.Enqueue(429, LongRateLimit, new Dictionary<string, string> { ["Retry-After"] = "3600" });

        Assert.Equal(TimeSpan.FromHours(1), Assert.IsType<DeliveryResult.RetryLater>(await DeliverAsync(stored)).After);
        discord.Clock.Advance(TimeSpan.FromHours(1));
        discord.Server.Enqueue(200, "[]");
        Assert.IsType<DeliveryResult.Delivered>(await DeliverAsync(await ReloadAsync(stored)));

        Assert.Equal(
            ["POST /api/v10/channels/900/messages", "POST /api/v10/channels/901/messages", "GET /api/v10/channels/901/messages", "POST /api/v10/channels/901/messages"],
            Messages.Select(m => $"{m.Method} {m.Path}"));
        Assert.Equal(2, discord.Server.Requests.Count(r => r.Path.EndsWith("/users/@me/channels", StringComparison.Ordinal))); // Bob's DM channel was kept
        Assert.Equal(RecipientStatus.Delivered, (await ProgressAsync(stored)).Of(Bob)!.Status);
    }

    [Fact]
    public async Task A_thread_member_add_told_to_wait_is_retried_without_a_second_thread_or_post()
    {
        var stored = await StoreAsync(Outbox(MessageTarget.ToGroup("111", [Ada, Bob])));
        discord.Server.Enqueue(201, Thread);
        discord.Server.Enqueue(204);
        discord.Server.Enqueue(429, LongRateLimit, new Dictionary<string, string> { ["Retry-After"] = "3600" });

        Assert.IsType<DeliveryResult.RetryLater>(await DeliverAsync(stored));
        discord.Clock.Advance(TimeSpan.FromHours(1));
        Assert.IsType<DeliveryResult.Delivered>(await DeliverAsync(await ReloadAsync(stored)));

        Assert.Single(Requests, r => r.Path.EndsWith("/threads", StringComparison.Ordinal));
        Assert.Single(Messages);
        Assert.Equal(2, Requests.Count(r => r.Path == "/api/v10/channels/800/thread-members/702"));
        Assert.Single(Requests, r => r.Path == "/api/v10/channels/800/thread-members/701");
    }

    [Fact]
    public async Task A_thread_whose_creation_answer_was_lost_is_found_among_the_active_threads_instead_of_made_again()
    {
        var stored = await StoreAsync(Outbox(MessageTarget.ToGroup("111", [Ada, Bob])));
        discord.Server.Enqueue(500, Refusal(0));

        Assert.IsType<DeliveryResult.RetryLater>(await DeliverAsync(stored));
        var name = Requests[0].Json.GetProperty("name").GetString();
        discord.Server.Enqueue(200, $$"""{"threads":[{"id":"799","type":12,"parent_id":"222","name":"{{name}}"},{"id":"800","type":12,"parent_id":"111","name":"{{name}}"}],"members":[]}""");
        Assert.IsType<DeliveryResult.Delivered>(await DeliverAsync(await ReloadAsync(stored)));

        Assert.Single(Requests, r => r.Path.EndsWith("/threads", StringComparison.Ordinal));
        Assert.Equal(("GET", "/api/v10/guilds/555/threads/active"), (Requests[1].Method, Requests[1].Path));
        Assert.Equal("/api/v10/channels/800/messages", Assert.Single(Messages).Path);
    }

    [Fact]
    public async Task A_post_retried_after_the_nonce_window_is_looked_for_and_not_sent_twice()
    {
        var stored = await ChannelPostBegunAsync(DiscordPlatform.NonceWindow + TimeSpan.FromMinutes(1));
        discord.Server.Enqueue(200, """[{"id":"41","channel_id":"111","content":"Meet your coffee partner","author":{"id":"5","bot":false}},{"id":"42","channel_id":"111","content":"Meet your coffee partner","embeds":[{"title":"Coffee: Ada & Bob"}],"author":{"id":"9","bot":true}}]""");

        var result = await DeliverAsync(await ReloadAsync(stored));

        Assert.Equal("42", Assert.IsType<DeliveryResult.Delivered>(result).MessageRef);
        Assert.Equal("GET", Assert.Single(Messages).Method);
    }

    [Fact]
    public async Task A_post_retried_after_the_nonce_window_that_never_arrived_is_sent()
    {
        var stored = await ChannelPostBegunAsync(DiscordPlatform.NonceWindow + TimeSpan.FromMinutes(1));
        discord.Server.Enqueue(200, "[]");

        Assert.IsType<DeliveryResult.Delivered>(await DeliverAsync(await ReloadAsync(stored)));

        Assert.Equal(["GET", "POST"], Messages.Select(m => m.Method));
    }

    [Fact]
    public async Task A_post_whose_look_up_discord_refuses_is_sent_rather_than_lost()
    {
        var stored = await ChannelPostBegunAsync(DiscordPlatform.NonceWindow + TimeSpan.FromMinutes(1));
        discord.Server.Enqueue(403, Refusal(50001));

        Assert.IsType<DeliveryResult.Delivered>(await DeliverAsync(stored));

        Assert.Equal(["GET", "POST"], Messages.Select(m => m.Method));
    }

    [Fact]
    public async Task A_post_retried_within_the_nonce_window_relies_on_the_nonce_without_looking()
    {
        var stored = await ChannelPostBegunAsync(DiscordPlatform.NonceWindow);

        Assert.IsType<DeliveryResult.Delivered>(await DeliverAsync(await ReloadAsync(stored)));

        Assert.Equal("POST", Assert.Single(Requests).Method);
    }

    [Fact]
    public async Task A_group_dm_that_reaches_nobody_fails_with_the_reason()
    {
        discord.Server.Enqueue(200, DmChannel);
        discord.Server.Enqueue(403, Refusal(50007));
        discord.Server.Enqueue(200, DmChannel);
        discord.Server.Enqueue(403, Refusal(50007));

        var result = await DeliverAsync(Outbox(MessageTarget.ToGroup(null, [Ada, Bob])));

        Assert.Contains("50007", Assert.IsType<DeliveryResult.Failed>(result).Reason);
    }

    [Fact]
    public async Task A_refused_thread_falls_back_to_one_dm_per_member()
    {
        EnqueueRefusedThreadAndTwoDms();

        var result = await DeliverAsync(Outbox(MessageTarget.ToGroup("111", [Ada, Bob])));

        Assert.IsType<DeliveryResult.Delivered>(result);
        Assert.Equal("/api/v10/channels/111/threads", Requests[0].Path);
        Assert.Equal(["/api/v10/channels/900/messages", "/api/v10/channels/901/messages"], Messages.Select(m => m.Path));
    }

    [Fact]
    public async Task A_thread_in_a_channel_that_no_longer_exists_fails_instead_of_dming()
    {
        discord.Server.Enqueue(404, Refusal(10003));

        var result = await DeliverAsync(Outbox(MessageTarget.ToGroup("111", [Ada, Bob])));

        Assert.Contains("10003", Assert.IsType<DeliveryResult.Failed>(result).Reason);
        Assert.Single(Requests);
    }

    [Fact]
    public async Task A_rate_limit_longer_than_the_client_waits_is_retried_later()
    {
        discord.Server.Enqueue(429, """{"message":"You are being rate limited.","retry_after":3600,"global":false}""", new Dictionary<string, string> { ["Retry-After"] = "3600" });

        var result = await DeliverAsync(Outbox(MessageTarget.ToChannel("111")));

        Assert.IsType<DeliveryResult.RetryLater>(result);
    }

    [Fact]
    public async Task A_channel_id_that_is_not_a_snowflake_fails_without_calling_discord()
    {
        var result = await DeliverAsync(Outbox(MessageTarget.ToChannel("#general")));

        Assert.Contains("'#general' is not a Discord channel id", Assert.IsType<DeliveryResult.Failed>(result).Reason);
        Assert.Empty(Requests);
    }

    [Fact]
    public async Task The_same_outbox_message_delivered_twice_carries_the_same_nonce()
    {
        var message = Outbox(MessageTarget.ToChannel("111"));

        await DeliverAsync(message);
        await DeliverAsync(message with { Id = 42 });
        await DeliverAsync(Outbox(MessageTarget.ToChannel("111"), key: "round-1:pair-2"));

        var nonces = Messages.Select(m => m.Json.GetProperty("nonce").GetString()!).ToList();
        Assert.Equal(nonces[0], nonces[1]);
        Assert.NotEqual(nonces[0], nonces[2]);
        Assert.All(nonces, n => Assert.InRange(n.Length, 1, 25));
    }

    [Fact]
    public async Task Each_member_of_a_group_dm_gets_a_nonce_of_their_own()
    {
        discord.Server.Enqueue(200, DmChannel);
        discord.Server.Enqueue(200, FakeDiscordServer.DefaultBody);
        discord.Server.Enqueue(200, DmChannel);

        await DeliverAsync(Outbox(MessageTarget.ToGroup(null, [Ada, Bob])));

        var nonces = Messages.Select(m => m.Json.GetProperty("nonce").GetString()).ToList();
        Assert.Equal(2, nonces.Distinct().Count());
    }

    [Fact]
    public async Task No_delivered_message_parses_mentions_from_its_text()
    {
        discord.Server.Enqueue(200, FakeDiscordServer.DefaultBody);
        discord.Server.Enqueue(200, DmChannel);
        discord.Server.Enqueue(200, FakeDiscordServer.DefaultBody);
        discord.Server.Enqueue(201, Thread);
        discord.Server.Enqueue(204);
        discord.Server.Enqueue(204);
        var everyone = new Reply("@everyone coffee time");

        await DeliverAsync(Outbox(MessageTarget.ToChannel("111")) with { Reply = everyone });
        await DeliverAsync(Outbox(MessageTarget.ToMember(Ada)) with { Reply = everyone });
        await DeliverAsync(Outbox(MessageTarget.ToGroup("111", [Ada, Bob])) with { Reply = everyone });

        Assert.Equal(3, Messages.Count());
        Assert.All(Messages, m =>
        {
            var parse = m.Json.GetProperty("allowed_mentions").GetProperty("parse");
            Assert.Equal(JsonValueKind.Array, parse.ValueKind);
            Assert.Equal(0, parse.GetArrayLength());
        });
    }

    [Fact]
    public async Task AddDiscord_registers_the_platform_for_discord_communities()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:Token"] = "t", ["Storage:ConnectionString"] = database.ConnectionString });
        builder.Services.AddLogging();
        builder.AddNetworkBotStorage();
        builder.AddDiscord();
        builder.AddDiscord();
        using var host = builder.Build();

        var registered = Assert.Single(host.Services.GetServices<IChatPlatform>());
        Assert.Equal(Community.Platform, registered.Platform);
    }
}

using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Conformance;

public abstract class OutboxStoreConformance<TProvider> : StoreConformance<TProvider>
    where TProvider : StoreProvider, new()
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [SkippableFact]
    public async Task Enqueued_message_becomes_due_at_its_creation_time_with_an_id_assigned()
    {
        var message = Message(Tokyo, "k1", T0);
        await Store.EnqueueAsync([message], Ct);

        Assert.Empty(await Store.ListDueOutboxAsync(T0 - Tick, 10, Ct));
        var due = Assert.Single(await Store.ListDueOutboxAsync(T0, 10, Ct));
        Assert.True(due.Id > 0);
        Assert.Equivalent(message with { Id = due.Id }, due, strict: true);
    }

    [SkippableFact]
    public async Task Message_with_a_due_time_is_not_listed_before_it_and_reads_back_as_enqueued()
    {
        var reminder = Message(Tokyo, "reminder", T0) with { DueAt = T0.AddDays(2) };
        await Store.EnqueueAsync([reminder, Message(Tokyo, "now", T0.AddMinutes(1))], Ct);

        Assert.Equal(["now"], (await Store.ListDueOutboxAsync(T0.AddDays(2) - Tick, 10, Ct)).Select(m => m.Key));
        var due = await Store.ListDueOutboxAsync(T0.AddDays(2), 10, Ct);
        Assert.Equal(["reminder", "now"], due.Select(m => m.Key));
        Assert.Equivalent(reminder with { Id = due[0].Id }, due[0], strict: true);
    }

    [SkippableFact]
    public async Task Every_write_that_enqueues_honours_the_due_time()
    {
        var round = Open(Round(Tokyo, T0, ["u1", "u2"]));
        var dueAt = T0.AddHours(1);
        OutboxMessage Later(string key) => Message(Tokyo, key, T0) with { DueAt = dueAt };
        await Store.SaveMemberAsync(Member(Tokyo, "u1"), Ct);

        await Store.SaveRoundAsync(round, new([], null), [Later("save-round")], Ct);
        await Store.UpdateRoundAsync(round.Round, [Later("update-round")], Ct);
        await Store.AddGroupMemberAsync(Tokyo, round.Groups[0].Id, Id("u3"), [Later("add-member")], Ct);
        await Store.SaveScheduleAsync(Schedule(Tokyo), [Later("save-schedule")], Ct);
        await Store.CloseRoundAsync(round.Round with { ClosedAt = T0, Version = 1 }, [Member(Tokyo, "u1")], [Later("close-round")], Ct);

        Assert.Empty(await Store.ListDueOutboxAsync(dueAt - Tick, 10, Ct));
        Assert.Equal(
            ["save-round", "update-round", "add-member", "save-schedule", "close-round"],
            (await Store.ListDueOutboxAsync(dueAt, 10, Ct)).Select(m => m.Key));
    }

    [SkippableFact]
    public async Task An_unreadable_message_is_set_aside_as_failed_and_the_messages_after_it_are_listed()
    {
        await Store.EnqueueAsync([Message(Tokyo, "unreadable", T0), Message(Tokyo, "fine", T0.AddMinutes(1))], Ct);
        await UnderTest.MakeOutboxReplyUnreadableAsync(Tokyo, "unreadable");

        Assert.Equal(["fine"], (await Store.ListDueOutboxAsync(T0.AddMinutes(1), 10, Ct)).Select(m => m.Key));

        Assert.Equal("unreadable: JsonException", (await UnderTest.ReadOutboxRowAsync(Tokyo, "unreadable")).LastError);
        Assert.Equal(["fine"], (await Store.ListDueOutboxAsync(T0.AddDays(1), 10, Ct)).Select(m => m.Key));
    }

    [SkippableFact]
    public async Task Enqueueing_a_key_that_is_already_there_is_ignored()
    {
        await Store.EnqueueAsync([Message(Tokyo, "k1", T0, "original")], Ct);

        await Store.EnqueueAsync([Message(Tokyo, "k1", T0.AddMinutes(1), "again"), Message(Tokyo, "k2", T0)], Ct);

        var due = await Store.ListDueOutboxAsync(T0.AddHours(1), 10, Ct);
        Assert.Equal(["original", "こんにちは"], due.Select(m => m.Reply.Text));
    }

    [SkippableFact]
    public async Task The_latest_creation_time_of_a_key_prefix_is_read_per_community_delivered_or_not()
    {
        await Store.EnqueueAsync(
            [Message(Tokyo, "intro:u1:1", T0), Message(Tokyo, "intro:u1:2", T0.AddMinutes(5)), Message(Tokyo, "intro:u10:1", T0.AddMinutes(9)), Message(Osaka, "intro:u1:1", T0.AddHours(1))],
            Ct);
        var second = (await Store.ListDueOutboxAsync(T0.AddMinutes(5), 10, Ct)).Single(m => m.Key == "intro:u1:2");
        await Store.MarkDeliveredAsync(second.Id, null, T0.AddMinutes(6), Ct);

        Assert.Equal(T0.AddMinutes(5), await Store.LatestCreatedAtAsync(Tokyo, "intro:u1:", Ct));
        Assert.Null(await Store.LatestCreatedAtAsync(Tokyo, "intro:u2:", Ct));
    }

    [SkippableFact]
    public async Task A_delivered_message_is_read_back_by_its_key_with_its_target_and_progress_in_its_community_only()
    {
        var target = MessageTarget.ToGroup("C1", [new("u1"), new("u2")]) with { Continues = "ask:a1:introduced" };
        await Store.EnqueueAsync([Message(Tokyo, "ask:a1:follow-up", T0) with { Target = target }], Ct);
        var due = Assert.Single(await Store.ListDueOutboxAsync(T0, 10, Ct));
        await Store.SaveOutboxProgressAsync(due.Id, """{"Thread":"T9"}""", Ct);
        await Store.MarkDeliveredAsync(due.Id, "m1", T0.AddMinutes(1), Ct);

        var read = await Store.GetOutboxAsync(Tokyo, "ask:a1:follow-up", Ct);

        Assert.Equal((due.Id, "ask:a1:introduced", """{"Thread":"T9"}"""), (read!.Id, read.Target.Continues, read.Progress));
        Assert.Equal(["u1", "u2"], read.Target.Members.Select(m => m.Value));
        Assert.Null(await Store.GetOutboxAsync(Osaka, "ask:a1:follow-up", Ct));
        Assert.Null(await Store.GetOutboxAsync(Tokyo, "ask:a1:introduced", Ct));
    }

    [SkippableFact]
    public async Task Communities_take_turns_so_a_backlog_cannot_fill_the_list_before_another_communitys_first_message()
    {
        await Store.EnqueueAsync(
            [.. Enumerable.Range(1, 4).Select(n => Message(Tokyo, $"tokyo-{n}", T0.AddMinutes(n))), Message(Osaka, "osaka-1", T0.AddMinutes(10))],
            Ct);

        Assert.Equal(["tokyo-1", "osaka-1"], (await Store.ListDueOutboxAsync(T0.AddHours(1), 2, Ct)).Select(m => m.Key));
        Assert.Equal(
            ["tokyo-1", "osaka-1", "tokyo-2", "tokyo-3", "tokyo-4"],
            (await Store.ListDueOutboxAsync(T0.AddHours(1), 10, Ct)).Select(m => m.Key));
    }

    [SkippableFact]
    public async Task Due_messages_come_oldest_first_across_communities_up_to_the_maximum()
    {
        await Store.EnqueueAsync(
            [Message(Tokyo, "late", T0.AddMinutes(2)), Message(Osaka, "early", T0), Message(Tokyo, "middle", T0.AddMinutes(1)), Message(Osaka, "future", T0.AddHours(1))],
            Ct);

        var due = await Store.ListDueOutboxAsync(T0.AddMinutes(30), 10, Ct);
        Assert.Equal(["early", "middle", "late"], due.Select(m => m.Key));
        Assert.Equal([Osaka, Tokyo, Tokyo], due.Select(m => m.Community));

        Assert.Equal(["early", "middle"], (await Store.ListDueOutboxAsync(T0.AddMinutes(30), 2, Ct)).Select(m => m.Key));
    }

    [SkippableFact]
    public async Task Delivered_message_is_no_longer_due_and_keeps_its_platform_reference()
    {
        await Store.EnqueueAsync([Message(Tokyo, "k1", T0)], Ct);
        var message = Assert.Single(await Store.ListDueOutboxAsync(T0, 10, Ct));

        await Store.MarkDeliveredAsync(message.Id, "1234567890.123456", T0.AddSeconds(1), Ct);

        Assert.Empty(await Store.ListDueOutboxAsync(T0.AddDays(1), 10, Ct));
        Assert.Equal("1234567890.123456", (await UnderTest.ReadOutboxRowAsync(Tokyo, "k1")).MessageRef);
    }

    [SkippableFact]
    public async Task Failed_attempt_with_a_retry_time_is_due_again_at_that_time_and_counts_the_attempt()
    {
        await Store.EnqueueAsync([Message(Tokyo, "k1", T0)], Ct);
        var id = (await Store.ListDueOutboxAsync(T0, 10, Ct))[0].Id;
        var retryAt = T0.AddSeconds(30);

        await Store.MarkAttemptFailedAsync(id, "429 rate limited", retryAt, Ct);

        Assert.Empty(await Store.ListDueOutboxAsync(retryAt - Tick, 10, Ct));
        Assert.Equal([id], (await Store.ListDueOutboxAsync(retryAt, 10, Ct)).Select(m => m.Id));

        await Store.MarkAttemptFailedAsync(id, "503 unavailable", retryAt.AddMinutes(1), Ct);
        Assert.Equal(new StoredOutboxRow(2, "503 unavailable", null), await UnderTest.ReadOutboxRowAsync(Tokyo, "k1"));
    }

    [SkippableFact]
    public async Task Saved_progress_comes_back_with_the_message_on_its_next_attempt_and_replaces_the_earlier_one()
    {
        await Store.EnqueueAsync([Message(Tokyo, "k1", T0)], Ct);
        var id = (await Store.ListDueOutboxAsync(T0, 10, Ct))[0].Id;

        await Store.SaveOutboxProgressAsync(id, "{\"reached\":[\"u1\"]}", Ct);
        await Store.SaveOutboxProgressAsync(id, "{\"reached\":[\"u1\",\"u2\"]}", Ct);
        await Store.MarkAttemptFailedAsync(id, "503 unavailable", T0.AddSeconds(30), Ct);

        Assert.Equal("{\"reached\":[\"u1\",\"u2\"]}", Assert.Single(await Store.ListDueOutboxAsync(T0.AddSeconds(30), 10, Ct)).Progress);
    }

    [SkippableFact]
    public async Task Failed_attempt_without_a_retry_time_is_never_due_again()
    {
        await Store.EnqueueAsync([Message(Tokyo, "k1", T0), Message(Tokyo, "k2", T0)], Ct);
        var id = (await Store.ListDueOutboxAsync(T0, 10, Ct))[0].Id;

        await Store.MarkAttemptFailedAsync(id, "DMs closed", null, Ct);

        Assert.Equal(["k2"], (await Store.ListDueOutboxAsync(DateTimeOffset.MaxValue, 10, Ct)).Select(m => m.Key));
    }

    [SkippableFact]
    public async Task Pruning_deletes_the_communitys_oldest_delivered_messages_up_to_the_maximum_and_keeps_the_rest()
    {
        await Store.EnqueueAsync(
            [.. Enumerable.Range(1, 4).Select(n => Message(Tokyo, $"old-{n}", T0)), Message(Tokyo, "recent", T0), Message(Tokyo, "waiting", T0),
             Message(Tokyo, "failed", T0), Message(Osaka, "osaka-old", T0)],
            Ct);
        var due = (await Store.ListDueOutboxAsync(T0, 20, Ct)).ToDictionary(m => m.Key, m => m.Id);
        foreach (var n in new[] { 3, 1, 4, 2 })
        {
            await Store.MarkDeliveredAsync(due[$"old-{n}"], null, T0.AddDays(n), Ct);
        }

        await Store.MarkDeliveredAsync(due["recent"], null, T0.AddDays(40), Ct);
        await Store.MarkDeliveredAsync(due["osaka-old"], null, T0.AddDays(1), Ct);
        await Store.MarkAttemptFailedAsync(due["failed"], "DMs closed", null, Ct);

        Assert.Equal(3, await Store.PruneDeliveredAsync(Tokyo, T0.AddDays(30), 3, Ct));
        Assert.NotNull(await Store.GetOutboxAsync(Tokyo, "old-4", Ct));
        Assert.Equal(1, await Store.PruneDeliveredAsync(Tokyo, T0.AddDays(30), 3, Ct));
        Assert.Equal(0, await Store.PruneDeliveredAsync(Tokyo, T0.AddDays(30), 3, Ct));

        foreach (var n in Enumerable.Range(1, 4))
        {
            Assert.Null(await Store.GetOutboxAsync(Tokyo, $"old-{n}", Ct));
        }

        foreach (var kept in new[] { "recent", "waiting", "failed" })
        {
            Assert.NotNull(await Store.GetOutboxAsync(Tokyo, kept, Ct));
        }

        Assert.NotNull(await Store.GetOutboxAsync(Osaka, "osaka-old", Ct));
        Assert.Equal(["waiting"], (await Store.ListDueOutboxAsync(DateTimeOffset.MaxValue, 10, Ct)).Select(m => m.Key));
    }

    [SkippableFact]
    public async Task Reply_with_every_part_and_a_group_target_round_trips()
    {
        var reply = new Reply("今週のコーヒーチャットのお相手です。\n**Enjoy!**")
        {
            Title = "☕ コーヒーチャット",
            Visibility = Visibility.Public,
            IsError = true,
            Fields = [new ReplyField("業界", "金融 × デザイン", Inline: true), new ReplyField("Tip", "15秒の自己紹介から")],
            Buttons =
            [
                new ReplyButton("会えた", CommandInvocation.Of("coffee met", ("round", "r1"), ("answer", "met")), ButtonStyle.Success),
                new ReplyButton("まだ", CommandInvocation.Of("coffee met", ("answer", "not-yet"))),
            ],
            Select = new ReplySelect(
                "Pick a time", CommandInvocation.Of("coffee pause", ("source", "dm")), "until", [new SelectChoice("1週間", "7d"), new SelectChoice("1 month", "30d")]),
            Form = new ReplyForm("自己紹介", "intro edit", [new FormField("pitch", "15秒ピッチ", true, true, 280, "こんにちは"), new FormField("role", "Role", false, false, 100, null)]),
        };
        var target = MessageTarget.ToGroup("coffee", [Id("u1"), Id("u2"), Id("u3")]);
        var message = OutboxMessage.Create(Tokyo, "k1", target, reply, T0);

        await Store.EnqueueAsync([message], Ct);

        var read = Assert.Single(await Store.ListDueOutboxAsync(T0, 10, Ct));
        Assert.Equivalent(message with { Id = read.Id }, read, strict: true);
        Assert.Equal(Visibility.Public, read.Reply.Visibility);
        Assert.Equal("r1", read.Reply.Buttons[0].Action.Options["round"]);
    }
}

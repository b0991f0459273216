using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NetworkBot.Core.Events;
using NetworkBot.Core.Replies;
using NetworkBot.Slack.BlockKit;
using NetworkBot.Slack.Bot;
using NetworkBot.Slack.Inbound;
using NetworkBot.Slack.WebApi.Payloads;
using static NetworkBot.Slack.Tests.Bot.SlackBotHarness;

namespace NetworkBot.Slack.Tests.Bot;

/// <summary>
/// A reply's file reaches the member's DM whichever way the reply itself went (a member's data export is a JSON file of
/// a hundred kilobytes or so), and a button pressed in a message only its member sees is answered in that message.
/// </summary>
public sealed class SlackFilesTests : IAsyncLifetime
{
    private SlackBotHarness harness = null!;

    public async Task InitializeAsync() => harness = await SlackBotHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    /// <summary>About 100 KB of JSON with Japanese in it, so characters and bytes differ.</summary>
    private static readonly string Export = "{\"rows\":[" + string.Join(',', Enumerable.Range(0, 1500).Select(i =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"n\":{i},\"pitch\":\"I connect founders 創業者をつなぎます with investors\"}}"))) + "]}";

    private static Reply WithExport(Reply reply) => reply with { File = new ReplyFile("networkbot-data.json", "application/json", Export) { Direct = true } };

    private void AssertSharedInDm()
    {
        var ticket = Assert.Single(harness.Api.Calls, c => c.Method == "files.getUploadURLExternal");
        Assert.Equal("networkbot-data.json", ticket.Arg("filename"));
        Assert.Equal(Encoding.UTF8.GetByteCount(Export).ToString(CultureInfo.InvariantCulture), ticket.Arg("length"));
        Assert.Equal(Export, Assert.Single(harness.Api.Calls, c => c.Method == "F0UPLOAD").Body);
        var complete = Assert.Single(harness.Api.Calls, c => c.Method == "files.completeUploadExternal");
        Assert.Equal([User], harness.Api.OpenedFor(complete.Arg("channel_id")!));
    }

    [Fact]
    public async Task A_100_kb_json_file_reaches_the_members_dm_whole()
    {
        Assert.InRange(Encoding.UTF8.GetByteCount(Export), 100_000, 150_000);

        await harness.Get<SlackAnswers>().FileAsync(User, WithExport(new Reply("Your data is in your DMs.")), harness.Timeout);

        AssertSharedInDm();
    }

    [Fact]
    public async Task A_redrawn_message_still_shares_its_file()
    {
        await harness.Get<SlackAnswers>().ReplaceAsync(new SlackMessageRef(Channel, "1700000000.000100"), User, WithExport(new Reply("Done.")), harness.Timeout);

        Assert.Single(harness.Api.Calls, c => c.Method == "chat.update");
        AssertSharedInDm();
    }

    [Fact]
    public async Task A_reply_by_response_url_shares_its_file_too()
    {
        await harness.Get<SlackAnswers>().FollowUpAsync(harness.Api.ResponseUrl("late").ToString(), Channel, User, WithExport(new Reply("Your data is in your DMs.")), harness.Timeout);

        Assert.Equal("late", Assert.Single(harness.Api.HookPosts).Id);
        AssertSharedInDm();
    }

    [Fact]
    public async Task A_button_in_an_ephemeral_message_redraws_it_by_its_response_url_not_chat_update()
    {
        await harness.CommandAsync("admin events create title:\"Morning pitch\" date:2026-12-03 time:08:00 timezone:Asia/Tokyo", Admin);
        var id = (await harness.Store.ListEventsAsync(Workspace, includeCancelled: false, CancellationToken.None)).Single().Id.Value;
        var press = BlockAction(SlackActionValues.ButtonActionId(0), SlackActionValues.Encode(CommandInvocation.Of(EventCard.RsvpPath, ("event", id), ("status", "going"))));
        press["container"]!["is_ephemeral"] = true;
        press["response_url"] = harness.Api.ResponseUrl("ephemeral").ToString();

        await harness.HandleAsync(SlackInboundKind.Interactive, press);

        var redrawn = Assert.Single(harness.Api.HookPosts);
        Assert.Equal("ephemeral", redrawn.Id);
        Assert.True(redrawn.Body["replace_original"]?.GetValue<bool>());
        Assert.Contains("Morning pitch", redrawn.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Api.Calls, c => c.Method is "chat.update" or "chat.postEphemeral" or "chat.postMessage");
    }
}

using System.Text.Json;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;
using NetworkBot.Discord.Interactions;
using NetworkBot.Discord.Rest;
using NetworkBot.Discord.Rest.Payloads;
using NetworkBot.Discord.Tests.Rest;
using NetworkBot.Tests;

namespace NetworkBot.Discord.Tests.Interactions;

public sealed class DirectFilesTests : IAsyncLifetime
{
    private const string DmChannel = """{"id":"900","type":1}""";
    private static readonly Snowflake Application = new(290926444748734465);
    private static readonly Snowflake Member = new(53908232506183680);
    private static readonly ReplyFile Export = new("networkbot-data.json", "application/json", """{"tables":{"members":[{"displayName":"Aiko @everyone"}]}}""") { Direct = true };

    private DiscordRestHarness discord = null!;

    public async Task InitializeAsync() => discord = await DiscordRestHarness.StartAsync();

    public async Task DisposeAsync() => await discord.DisposeAsync();

    private Task SendAsync(Language language = Language.En) =>
        discord.Get<DirectFiles>().SendAsync(Application, "interaction-token", Member, Export, language, CancellationToken.None);

    [Fact]
    public async Task The_file_is_attached_to_a_message_in_the_members_dm_that_pings_nobody()
    {
        discord.Server.Enqueue(200, DmChannel);

        await SendAsync();

        var (open, post) = (discord.Server.Requests[0], discord.Server.Requests[1]);
        Assert.Equal(("POST", "/api/v10/users/@me/channels"), (open.Method, open.Path));
        Assert.Equal(Member.ToString(), open.Json.GetProperty("recipient_id").GetString());
        Assert.Equal(("POST", "/api/v10/channels/900/messages"), (post.Method, post.Path));
        Assert.StartsWith("multipart/form-data; boundary=", post.Headers["Content-Type"], StringComparison.Ordinal);
        var payload = JsonDocument.Parse(MultipartForm.Named(post.Body, "payload_json").Content).RootElement;
        Assert.Contains("networkbot-data.json", payload.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, payload.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.False(payload.TryGetProperty("flags", out var flags) && flags.ValueKind == JsonValueKind.Number);
        Assert.Equal("networkbot-data.json", payload.GetProperty("attachments")[0].GetProperty("filename").GetString());
        var file = MultipartForm.Named(post.Body, "files[0]");
        Assert.Equal(("networkbot-data.json", Export.Content), (file.FileName, file.Content));
    }

    [Fact]
    public async Task With_the_members_dms_closed_the_file_follows_the_interaction_privately_and_says_why_in_their_language()
    {
        discord.Server.Enqueue(200, DmChannel);
        discord.Server.Enqueue(403, $$"""{"code":{{DiscordApiError.CannotSendMessagesToThisUser}},"message":"Cannot send messages to this user"}""");

        await SendAsync(Language.Ja);

        var followUp = discord.Server.Requests[^1];
        Assert.Equal(("POST", $"/api/v10/webhooks/{Application}/interaction-token"), (followUp.Method, followUp.Path));
        var payload = JsonDocument.Parse(MultipartForm.Named(followUp.Body, "payload_json").Content).RootElement;
        Assert.Equal(DiscordMessagePayload.EphemeralFlag, payload.GetProperty("flags").GetInt32());
        Assert.Contains("DM を受け取らない設定", payload.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, payload.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Equal(Export.Content, MultipartForm.Named(followUp.Body, "files[0]").Content);
    }

    [Fact]
    public async Task A_second_file_for_the_same_member_reuses_the_dm_channel()
    {
        discord.Server.Enqueue(200, DmChannel);

        await SendAsync();
        await SendAsync();

        Assert.Single(discord.Server.Requests, r => r.Path.EndsWith("/users/@me/channels", StringComparison.Ordinal));
        Assert.Equal(2, discord.Server.Requests.Count(r => r.Path == "/api/v10/channels/900/messages"));
    }

    [Fact]
    public async Task Another_refusal_of_the_dm_still_brings_the_file_privately_without_blaming_closed_dms()
    {
        discord.Server.Enqueue(200, DmChannel);
        discord.Server.Enqueue(403, $$"""{"code":{{DiscordApiError.MissingAccess}},"message":"Missing Access"}""");

        await SendAsync();

        var followUp = discord.Server.Requests[^1];
        Assert.Equal(("POST", $"/api/v10/webhooks/{Application}/interaction-token"), (followUp.Method, followUp.Path));
        var content = JsonDocument.Parse(MultipartForm.Named(followUp.Body, "payload_json").Content).RootElement.GetProperty("content").GetString();
        Assert.Contains("would not take", content, StringComparison.Ordinal);
        Assert.DoesNotContain("closed", content, StringComparison.Ordinal);
        Assert.Equal(Export.Content, MultipartForm.Named(followUp.Body, "files[0]").Content);
    }
}

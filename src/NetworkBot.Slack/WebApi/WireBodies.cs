using System.Text.Json.Nodes;
using NetworkBot.Slack.WebApi.Payloads;

namespace NetworkBot.Slack.WebApi;

/// <summary>The part of every Web API answer that says whether it worked: Slack answers HTTP 200 with <c>ok:false</c> on errors.</summary>
internal sealed record SlackEnvelope(
    bool Ok,
    string? Error = null,
    string? Warning = null,
    string? Needed = null,
    string? Provided = null,
    SlackResponseMetadata? ResponseMetadata = null);

internal sealed record SlackResponseMetadata(IReadOnlyList<string>? Messages = null, IReadOnlyList<string>? Warnings = null, string? NextCursor = null);

internal sealed record PostMessageResponse(string Channel, string Ts);

internal sealed record PostEphemeralResponse(string MessageTs);

internal sealed record UploadTicketResponse(string UploadUrl, string FileId);

internal sealed record ConversationResponse(SlackConversation Channel);

internal sealed record HistoryResponse(IReadOnlyList<SlackHistoryMessage>? Messages);

internal sealed record ConversationListResponse(IReadOnlyList<SlackConversation>? Channels);

internal sealed record UserResponse(SlackUser User);

internal sealed record UserListResponse(IReadOnlyList<SlackUser>? Members);

internal sealed record ViewResponse(SlackView View);

/// <summary><c>unfurl_*</c> are off: a link a member wrote must not turn a bot post into someone else's preview.</summary>
internal sealed record ChatPostMessageBody(
    string Channel, string Text, JsonArray? Blocks, string? ThreadTs, bool UnfurlLinks = false, bool UnfurlMedia = false, SlackMessageMetadata? Metadata = null);

internal sealed record ChatUpdateBody(string Channel, string Ts, string Text, JsonArray? Blocks);

internal sealed record ChatPostEphemeralBody(string Channel, string User, string Text, JsonArray? Blocks);

internal sealed record ViewsOpenBody(string TriggerId, JsonObject View);

internal sealed record ViewsUpdateBody(string ViewId, JsonObject View, string? Hash);

internal sealed record ViewsPublishBody(string UserId, JsonObject View);

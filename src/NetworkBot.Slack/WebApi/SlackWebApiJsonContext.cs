using System.Text.Json.Serialization;
using NetworkBot.Slack.WebApi.Payloads;

namespace NetworkBot.Slack.WebApi;

/// <summary>Source-generated JSON for the Web API: snake_case names, nulls left out of request bodies.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackEnvelope))]
[JsonSerializable(typeof(PostMessageResponse))]
[JsonSerializable(typeof(PostEphemeralResponse))]
[JsonSerializable(typeof(UploadTicketResponse))]
[JsonSerializable(typeof(ConversationResponse))]
[JsonSerializable(typeof(ConversationListResponse))]
[JsonSerializable(typeof(HistoryResponse))]
[JsonSerializable(typeof(UserResponse))]
[JsonSerializable(typeof(UserListResponse))]
[JsonSerializable(typeof(ViewResponse))]
[JsonSerializable(typeof(SlackAuth))]
[JsonSerializable(typeof(ChatPostMessageBody))]
[JsonSerializable(typeof(ChatUpdateBody))]
[JsonSerializable(typeof(ChatPostEphemeralBody))]
[JsonSerializable(typeof(ViewsOpenBody))]
[JsonSerializable(typeof(ViewsUpdateBody))]
[JsonSerializable(typeof(ViewsPublishBody))]
internal sealed partial class SlackWebApiJsonContext : JsonSerializerContext;

using System.Text.Json.Nodes;

namespace NetworkBot.Slack.WebApi.Payloads;

/// <summary>
/// Message metadata (<c>metadata</c> on <c>chat.postMessage</c>, returned by <c>conversations.history</c> with
/// <c>include_all_metadata</c>): an app's own event type and payload, invisible to members.
/// </summary>
public sealed record SlackMessageMetadata(string EventType, JsonObject EventPayload);

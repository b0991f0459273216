using System.Text.Json.Nodes;

namespace NetworkBot.Slack.WebApi.Payloads;

/// <summary>
/// A message body for <c>chat.postMessage</c>, <c>chat.update</c> and <c>chat.postEphemeral</c>: <see cref="Text"/> is the
/// notification and screen-reader fallback Slack asks for even when <see cref="Blocks"/> carry the message.
/// Both are already escaped for mrkdwn. <see cref="Metadata"/> goes with <c>chat.postMessage</c> only.
/// </summary>
public sealed record SlackMessage(string Text, JsonArray? Blocks)
{
    public SlackMessageMetadata? Metadata { get; init; }
}

namespace NetworkBot.Slack.WebApi.Payloads;

/// <summary>A message of a conversation's history (the fields we use).</summary>
public sealed record SlackHistoryMessage(string Ts, SlackMessageMetadata? Metadata = null);

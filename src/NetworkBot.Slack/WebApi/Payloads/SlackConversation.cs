namespace NetworkBot.Slack.WebApi.Payloads;

/// <summary>The parts of a Slack conversation object NetworkBot reads.</summary>
public sealed record SlackConversation(
    string Id,
    string? Name = null,
    bool IsArchived = false,
    bool IsMember = false,
    bool IsPrivate = false,
    bool IsIm = false,
    bool IsMpim = false);

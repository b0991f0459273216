namespace NetworkBot.Slack.WebApi.Payloads;

/// <summary>What <c>auth.test</c> says about the bot token: the bot's user id and the workspace it is installed in.</summary>
public sealed record SlackAuth(
    string UserId,
    string TeamId,
    string? BotId = null,
    string? Team = null,
    string? User = null,
    string? Url = null,
    string? EnterpriseId = null);

namespace NetworkBot.Slack.WebApi.Payloads;

/// <summary>The names a Slack user chose; e-mail and phone are deliberately not read.</summary>
public sealed record SlackUserProfile(string? DisplayName = null, string? RealName = null);

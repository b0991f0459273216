namespace NetworkBot.Slack;

/// <summary>The <c>Slack</c> configuration section. Slack is enabled when <see cref="BotToken"/> is set.</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    public string? BotToken { get; set; }

    public string? AppToken { get; set; }

    public string? SigningSecret { get; set; }

    /// <summary>The slash command members type, as registered in the Slack app (the manifest uses it).</summary>
    public string Command { get; set; } = "/network";

    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    public bool IsEnabled => !string.IsNullOrWhiteSpace(BotToken);
}

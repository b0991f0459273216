using NetworkBot.Transport;

namespace NetworkBot.Slack;

/// <summary>The <c>Slack</c> configuration section. Slack is enabled when <see cref="BotToken"/> is set.</summary>
public sealed class SlackOptions : IPlatformOptions
{
    public const string Section = "Slack";

    public string? BotToken { get; set; }

    public string? AppToken { get; set; }

    public string? SigningSecret { get; set; }

    /// <summary>The slash command members type, as registered in the Slack app (the manifest uses it).</summary>
    public string Command { get; set; } = "/network";

    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    public bool IsEnabled => !string.IsNullOrWhiteSpace(BotToken);

    /// <summary>What must hold besides an absolute <see cref="ApiBaseUrl"/>, each with the line shown when it does not.</summary>
    internal static IReadOnlyList<(Func<SlackOptions, bool> Holds, string Problem)> Rules { get; } =
    [
        (o => o.BotToken is null || o.BotToken.StartsWith("xoxb-", StringComparison.Ordinal), "Slack:BotToken must be a bot token (it starts with xoxb-)."),
        (o => o.AppToken is null || o.AppToken.StartsWith("xapp-", StringComparison.Ordinal), "Slack:AppToken must be an app-level token (it starts with xapp-)."),
        (o => o.Command is ['/', _, ..] && !o.Command.Any(char.IsWhiteSpace), "Slack:Command must be a slash command such as /network."),
        (o => o.SigningSecret is null || !string.IsNullOrWhiteSpace(o.SigningSecret), "Slack:SigningSecret must not be blank; copy the Signing Secret from the app's Basic Information page, or leave it unset to turn HTTP mode off."),
    ];
}

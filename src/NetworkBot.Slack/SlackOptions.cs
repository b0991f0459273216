using NetworkBot.Transport;

namespace NetworkBot.Slack;

/// <summary>The <c>Slack</c> configuration section. Slack is enabled when <see cref="BotToken"/> is set.</summary>
public sealed class SlackOptions : IPlatformOptions
{
    public const string Section = "Slack";

    /// <summary>Slack's limit of open Socket Mode connections per app; past it Slack asks to close one (<c>too_many_websockets</c>).</summary>
    public const int MaxSocketConnections = 10;

    public string? BotToken { get; set; }

    public string? AppToken { get; set; }

    public string? SigningSecret { get; set; }

    /// <summary>
    /// How many Socket Mode connections this process keeps open. Slack sends each envelope to one of the app's open
    /// connections, at most <see cref="MaxSocketConnections"/> across every process, and it is acknowledged on the one
    /// that received it; more than one lets a connection be replaced, or a process stop, while the others carry on.
    /// </summary>
    public int SocketConnections { get; set; } = 1;

    /// <summary>The slash command members type, as registered in the Slack app (the manifest uses it).</summary>
    public string Command { get; set; } = "/network";

    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>
    /// Calls per minute the bot paces each fan-out method to, per workspace: Slack's tier for <c>conversations.open</c>,
    /// <c>conversations.invite</c> and <c>conversations.kick</c> (Tier 3, 50+ per minute), and for <c>chat.postMessage</c>
    /// the workspace-wide limit Slack describes as "several hundred messages per minute" (300 here). Methods not listed are
    /// not paced, only paused when a 429 asks. Set a method to change its pace, or 0 to stop pacing it.
    /// </summary>
    public IDictionary<string, double> MethodsPerMinute { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["conversations.open"] = 50,
        ["conversations.invite"] = 50,
        ["conversations.kick"] = 50,
        ["chat.postMessage"] = 300,
    };

    public bool IsEnabled => !string.IsNullOrWhiteSpace(BotToken);

    /// <summary>What must hold besides an absolute <see cref="ApiBaseUrl"/>, each with the line shown when it does not.</summary>
    internal static IReadOnlyList<(Func<SlackOptions, bool> Holds, string Problem)> Rules { get; } =
    [
        (o => o.BotToken is null || o.BotToken.StartsWith("xoxb-", StringComparison.Ordinal), "Slack:BotToken must be a bot token (it starts with xoxb-)."),
        (o => o.AppToken is null || o.AppToken.StartsWith("xapp-", StringComparison.Ordinal), "Slack:AppToken must be an app-level token (it starts with xapp-)."),
        (o => o.Command is ['/', _, ..] && !o.Command.Any(char.IsWhiteSpace), "Slack:Command must be a slash command such as /network."),
        (o => o.SocketConnections is >= 1 and <= MaxSocketConnections, $"Slack:SocketConnections must be from 1 to {MaxSocketConnections}: Slack allows at most {MaxSocketConnections} Socket Mode connections per app, counting those of every instance."),
        (o => o.MethodsPerMinute.Values.All(v => v >= 0), "Slack:MethodsPerMinute must hold calls per minute, 0 or more, per method."),
        (o => o.SigningSecret is null || !string.IsNullOrWhiteSpace(o.SigningSecret), "Slack:SigningSecret must not be blank; copy the Signing Secret from the app's Basic Information page, or leave it unset to turn HTTP mode off."),
    ];
}

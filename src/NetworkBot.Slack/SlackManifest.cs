using System.Text.Json.Nodes;
using NetworkBot.Slack.Http;

namespace NetworkBot.Slack;

/// <summary>
/// The Slack app manifest for <c>networkbot slack-manifest</c>: paste it at api.slack.com/apps → Create New App → From
/// an app manifest. Its bot scopes are derived from <see cref="MethodScopes"/> (every Web API method NetworkBot calls)
/// and <see cref="EventScopes"/> (every event it subscribes to), so the app asks for exactly what it uses.
/// </summary>
public static class SlackManifest
{
    /// <summary>The bot scopes each Web API method of <c>SlackApiClient</c> needs (a test keeps this complete).</summary>
    public static IReadOnlyDictionary<string, string[]> MethodScopes { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["auth.test"] = [],
        ["chat.postMessage"] = ["chat:write"],
        ["chat.update"] = ["chat:write"],
        ["files.getUploadURLExternal"] = ["files:write"],
        ["files.completeUploadExternal"] = ["files:write"],
        ["chat.postEphemeral"] = ["chat:write"],
        ["conversations.open"] = ["im:write", "mpim:write"],
        ["conversations.create"] = ["channels:manage"],
        ["conversations.join"] = ["channels:join"],
        ["conversations.invite"] = ["channels:manage"],
        ["conversations.kick"] = ["channels:manage"],
        ["conversations.list"] = ["channels:read"],
        ["conversations.history"] = ["channels:history", "groups:history", "im:history", "mpim:history"],
        ["users.list"] = ["users:read"],
        ["users.info"] = ["users:read"],
        ["views.open"] = [],
        ["views.update"] = [],
        ["views.publish"] = [],
    };

    /// <summary>The bot events NetworkBot answers, with the scope each needs to be delivered.</summary>
    public static IReadOnlyDictionary<string, string[]> EventScopes { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["app_home_opened"] = [],
        ["member_joined_channel"] = ["channels:read"],
        ["team_join"] = ["users:read"],
        ["user_change"] = ["users:read"],
    };

    /// <summary>The slash command needs its own scope.</summary>
    public const string CommandsScope = "commands";

    public static IReadOnlyList<string> BotScopes =>
        [.. MethodScopes.Values.Concat(EventScopes.Values).SelectMany(s => s).Append(CommandsScope).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <param name="command">The slash command (<c>Slack:Command</c>).</param>
    /// <param name="publicUrl">Where NetworkBot's HTTP endpoints are reachable (HTTP mode); null for Socket Mode.</param>
    public static JsonObject Build(string command, Uri? publicUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        string? Url(string path) => publicUrl is null ? null : new Uri(publicUrl, path).AbsoluteUri;

        var slash = new JsonObject
        {
            ["command"] = command,
            ["description"] = "Coffee chats, introductions and interest groups",
            ["usage_hint"] = "help | coffee join | intro set | interests join <name>",
            ["should_escape"] = true,
        };
        var events = new JsonObject { ["bot_events"] = new JsonArray([.. EventScopes.Keys.Order(StringComparer.Ordinal).Select(e => (JsonNode)e)]) };
        var interactivity = new JsonObject { ["is_enabled"] = true };
        if (publicUrl is not null)
        {
            slash["url"] = Url(SlackHttpEndpoints.CommandsPath);
            events["request_url"] = Url(SlackHttpEndpoints.EventsPath);
            interactivity["request_url"] = Url(SlackHttpEndpoints.InteractionsPath);
        }

        return new JsonObject
        {
            ["display_information"] = new JsonObject
            {
                ["name"] = "NetworkBot",
                ["description"] = "Turns community members into a network: coffee chats, introductions, interest groups.",
                ["background_color"] = "#2c2d30",
            },
            ["features"] = new JsonObject
            {
                ["app_home"] = new JsonObject
                {
                    ["home_tab_enabled"] = true,
                    ["messages_tab_enabled"] = true,
                    ["messages_tab_read_only_enabled"] = true,
                },
                ["bot_user"] = new JsonObject { ["display_name"] = "NetworkBot", ["always_online"] = true },
                ["slash_commands"] = new JsonArray(slash),
            },
            ["oauth_config"] = new JsonObject
            {
                ["scopes"] = new JsonObject { ["bot"] = new JsonArray([.. BotScopes.Select(s => (JsonNode)s)]) },
            },
            ["settings"] = new JsonObject
            {
                ["event_subscriptions"] = events,
                ["interactivity"] = interactivity,
                ["org_deploy_enabled"] = false,
                ["socket_mode_enabled"] = publicUrl is null,
                ["token_rotation_enabled"] = false,
            },
        };
    }
}

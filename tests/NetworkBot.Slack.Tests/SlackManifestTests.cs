using System.Text.Json;
using System.Text.RegularExpressions;

namespace NetworkBot.Slack.Tests;

public sealed partial class SlackManifestTests
{
    /// <summary>The Web API methods SlackApiClient names, read from its source so a new call cannot miss its scope.</summary>
    private static IReadOnlyList<string> CalledMethods()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "NetworkBot.sln")))
        {
            root = root.Parent;
        }

        var source = File.ReadAllText(Path.Combine(root!.FullName, "src", "NetworkBot.Slack", "WebApi", "SlackApiClient.cs"));
        return [.. MethodName().Matches(source).Select(m => m.Groups[1].Value).Distinct()];
    }

    [Fact]
    public void Every_web_api_method_the_client_calls_has_its_scopes_in_the_manifest()
    {
        var called = CalledMethods();

        Assert.Contains("chat.postEphemeral", called);
        Assert.Contains("views.publish", called);
        Assert.All(called, m => Assert.True(SlackManifest.MethodScopes.ContainsKey(m), $"{m} has no entry in SlackManifest.MethodScopes"));
        var bot = SlackManifest.Build("/network", null)["oauth_config"]!["scopes"]!["bot"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        Assert.All(called.SelectMany(m => SlackManifest.MethodScopes[m]), scope => Assert.Contains(scope, bot));
        Assert.Equal(
            ["channels:history", "channels:join", "channels:manage", "channels:read", "chat:write", "commands", "files:write", "groups:history", "im:history", "im:write", "mpim:history", "mpim:write", "users:read"],
            bot);
    }

    [Fact]
    public void Socket_mode_manifest_has_no_request_urls_and_subscribes_to_the_events_the_bot_answers()
    {
        var manifest = JsonDocument.Parse(SlackManifest.Build("/netbot", null).ToJsonString()).RootElement;

        var settings = manifest.GetProperty("settings");
        Assert.True(settings.GetProperty("socket_mode_enabled").GetBoolean());
        Assert.True(settings.GetProperty("interactivity").GetProperty("is_enabled").GetBoolean());
        Assert.False(settings.GetProperty("interactivity").TryGetProperty("request_url", out _));
        Assert.Equal(["app_home_opened", "member_joined_channel", "team_join", "user_change"],
            settings.GetProperty("event_subscriptions").GetProperty("bot_events").EnumerateArray().Select(e => e.GetString()));
        var slash = Assert.Single(manifest.GetProperty("features").GetProperty("slash_commands").EnumerateArray());
        Assert.Equal("/netbot", slash.GetProperty("command").GetString());
        Assert.False(slash.TryGetProperty("url", out _));
        Assert.True(manifest.GetProperty("features").GetProperty("app_home").GetProperty("home_tab_enabled").GetBoolean());
    }

    [Fact]
    public void Http_mode_manifest_points_every_request_url_at_the_endpoints()
    {
        var manifest = SlackManifest.Build("/network", new Uri("https://bot.example.com"));

        Assert.False(manifest["settings"]!["socket_mode_enabled"]!.GetValue<bool>());
        Assert.Equal("https://bot.example.com/slack/commands", manifest["features"]!["slash_commands"]![0]!["url"]!.GetValue<string>());
        Assert.Equal("https://bot.example.com/slack/events", manifest["settings"]!["event_subscriptions"]!["request_url"]!.GetValue<string>());
        Assert.Equal("https://bot.example.com/slack/interactions", manifest["settings"]!["interactivity"]!["request_url"]!.GetValue<string>());
    }

    [GeneratedRegex("\"([a-z]+\\.[a-zA-Z]+(?:\\.[a-zA-Z]+)?)\"")]
    private static partial Regex MethodName();
}

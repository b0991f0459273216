using System.Text.Json;

namespace NetworkBot.Host.Tests.Slack;

public sealed class SlackManifestVerbTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Slack_manifest_prints_a_socket_mode_manifest_with_the_configured_command()
    {
        cli.Settings["Slack:Command"] = "/netbot";

        var (exit, output, error) = await cli.RunAsync(string.Empty, "slack-manifest");

        Assert.True(exit == 0, error);
        var manifest = JsonDocument.Parse(output).RootElement;
        Assert.True(manifest.GetProperty("settings").GetProperty("socket_mode_enabled").GetBoolean());
        Assert.Equal("/netbot", manifest.GetProperty("features").GetProperty("slash_commands")[0].GetProperty("command").GetString());
        Assert.Contains("commands", manifest.GetProperty("oauth_config").GetProperty("scopes").GetProperty("bot").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Slack_manifest_with_a_url_is_for_http_mode()
    {
        var (exit, output, error) = await cli.RunAsync(string.Empty, "slack-manifest", "--url", "https://bot.example.com");

        Assert.True(exit == 0, error);
        var settings = JsonDocument.Parse(output).RootElement.GetProperty("settings");
        Assert.False(settings.GetProperty("socket_mode_enabled").GetBoolean());
        Assert.Equal("https://bot.example.com/slack/events", settings.GetProperty("event_subscriptions").GetProperty("request_url").GetString());
    }

    [Theory]
    [InlineData("--socket-mode", "false")]
    [InlineData("--url", "http://bot.example.com")]
    [InlineData("--url", "not a url")]
    public async Task Slack_manifest_refuses_settings_slack_cannot_use(string option, string value)
    {
        var (exit, output, error) = await cli.RunAsync(string.Empty, "slack-manifest", option, value);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith("networkbot slack-manifest:", error, StringComparison.Ordinal);
    }
}

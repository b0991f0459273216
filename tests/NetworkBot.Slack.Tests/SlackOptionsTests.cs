using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace NetworkBot.Slack.Tests;

public sealed class SlackOptionsTests
{
    private static IHost Build(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddSlack();
        return builder.Build();
    }

    [Fact]
    public void Slack_is_enabled_by_a_bot_token()
    {
        using var off = Build();
        using var on = Build(("Slack:BotToken", "xoxb-1-2"), ("Slack:AppToken", "xapp-1-2"));

        Assert.False(off.Services.GetRequiredService<IOptions<SlackOptions>>().Value.IsEnabled);
        Assert.True(on.Services.GetRequiredService<IOptions<SlackOptions>>().Value.IsEnabled);
    }

    [Theory]
    [InlineData("Slack:BotToken", "xapp-wrong-kind", "xoxb-")]
    [InlineData("Slack:AppToken", "xoxb-wrong-kind", "xapp-")]
    [InlineData("Slack:ApiBaseUrl", "/relative/", "absolute")]
    [InlineData("Slack:SigningSecret", "   ", "Signing Secret")]
    [InlineData("Slack:SocketConnections", "11", "Slack:SocketConnections must be from 1 to 10")]
    [InlineData("Slack:SocketConnections", "-1", "Slack:SocketConnections must be from 1 to 10")]
    public void Wrong_settings_fail_at_start_with_a_clear_message_that_hides_the_value(string key, string value, string expected)
    {
        using var host = Build((key, value));

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<SlackOptions>>().Value);

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain(value, error.Message);
    }

    [Fact]
    public void Both_transports_share_one_inbox_and_socket_mode_is_registered_but_not_started()
    {
        using var host = Build(("Slack:AppToken", "xapp-1-2"), ("Slack:SigningSecret", "secret"));

        Assert.Same(host.Services.GetRequiredService<NetworkBot.Slack.Inbound.SlackInbox>(), host.Services.GetRequiredService<NetworkBot.Slack.Inbound.SlackInbox>());
        Assert.NotNull(host.Services.GetRequiredService<NetworkBot.Slack.SocketMode.SlackSocketMode>());
        Assert.Empty(host.Services.GetServices<IHostedService>());
    }
}

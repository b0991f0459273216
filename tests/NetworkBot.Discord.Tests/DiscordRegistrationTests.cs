using Microsoft.Extensions.Hosting;

namespace NetworkBot.Discord.Tests;

public sealed class DiscordRegistrationTests
{
    [Fact]
    public void HostDiscordBot_hosts_the_Discord_bot_once()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddDiscord();
        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(IHostedService));

        builder.HostDiscordBot();
        builder.HostDiscordBot();

        var hosted = Assert.Single(builder.Services, d => d.ServiceType == typeof(IHostedService));
        Assert.Equal(typeof(DiscordBot), hosted.ImplementationFactory?.Method.ReturnType);
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Platform;
using NetworkBot.Slack.Spaces;
using NetworkBot.Slack.WebApi;
using NetworkBot.Tests;
using NetworkBot.Transport;

namespace NetworkBot.Slack.Tests;

public sealed class SlackRegistrationTests
{
    private static IHost Build(Action<IServiceCollection>? before = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new("Slack:BotToken", "xoxb-1-2")]);
        before?.Invoke(builder.Services);
        builder.AddSlack();
        builder.AddSlack(); // twice is harmless: everything is TryAdd
        return builder.Build();
    }

    [Fact]
    public void AddSlack_registers_the_web_api_client_the_outbox_platform_and_interest_spaces_once()
    {
        // The platform records delivery progress in the outbox, which the storage registration provides.
        using var host = Build(services => services.AddSingleton(Substitute.For<IOutboxStore>()));

        Assert.Same(host.Services.GetRequiredService<SlackApiClient>(), host.Services.GetRequiredService<SlackApiClient>());
        Assert.IsType<SlackPlatform>(Assert.Single(host.Services.GetServices<IChatPlatform>()));
        Assert.IsType<SlackInterestSpaces>(Assert.Single(host.Services.GetServices<IInterestSpaces>()));
    }

    [Fact]
    public void HostSlackBot_hosts_the_Slack_bot_once()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddSlack();
        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(IHostedService));

        builder.HostSlackBot();
        builder.HostSlackBot();

        var hosted = Assert.Single(builder.Services, d => d.ServiceType == typeof(IHostedService));
        Assert.Equal(typeof(SlackBot), hosted.ImplementationFactory?.Method.ReturnType);
    }

    [Fact]
    public void A_test_can_replace_a_piece_before_AddSlack()
    {
        var limiter = new SlackRateLimiter(TimeProvider.System, new TransportMetrics(new TestMeterFactory()), Options.Create(new SlackOptions()), NullLogger<SlackRateLimiter>.Instance) { MaxWait = TimeSpan.Zero };
        using var host = Build(services => services.AddSingleton(limiter));

        Assert.Same(limiter, host.Services.GetRequiredService<SlackRateLimiter>());
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkBot.Slack.Tests.Fakes;
using NetworkBot.Slack.WebApi;
using NetworkBot.Tests;

namespace NetworkBot.Slack.Tests.WebApi;

/// <summary>
/// The real DI wiring from <c>AddSlack()</c>, pointed at a <see cref="FakeSlackApi"/> and driven by a
/// <see cref="TimerCountingTimeProvider"/> registered before it (AddSlack only TryAdds its clock).
/// </summary>
public sealed class SlackApiHarness : IAsyncDisposable
{
    public const string Token = "xoxb-1111-2222-secret";

    private readonly IHost host;

    private SlackApiHarness(FakeSlackApi api, IHost host)
    {
        Api = api;
        this.host = host;
    }

    public FakeSlackApi Api { get; }

    public TimerCountingTimeProvider Clock => (TimerCountingTimeProvider)host.Services.GetRequiredService<TimeProvider>();

    public SlackApiClient Client => host.Services.GetRequiredService<SlackApiClient>();

    public T Get<T>()
        where T : notnull => host.Services.GetRequiredService<T>();

    /// <param name="configure">Test additions to the services (a store, for the platform), applied before <c>AddSlack</c>.</param>
    public static async Task<SlackApiHarness> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var api = await FakeSlackApi.StartAsync();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = Token,
            ["Slack:ApiBaseUrl"] = api.BaseUrl.AbsoluteUri,
        });
        builder.Services.AddSingleton<TimeProvider>(new TimerCountingTimeProvider());
        builder.Services.AddKeyedSingleton<Random>(typeof(SlackApiClient), FixedRandom.Top);
        configure?.Invoke(builder.Services);
        builder.AddSlack();
        return new SlackApiHarness(api, builder.Build());
    }

    public async ValueTask DisposeAsync()
    {
        host.Dispose();
        await Api.DisposeAsync();
    }
}

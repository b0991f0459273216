using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkBot.Discord.Tests.Rest;
using NetworkBot.Slack.Inbound;
using NetworkBot.Slack.SocketMode;
using NetworkBot.Slack.Tests.Fakes;
using NetworkBot.Tests;

namespace NetworkBot.Slack.Tests.SocketMode;

/// <summary>
/// The real <see cref="SlackSocketMode"/> from the real <c>AddSlack</c> wiring, against <see cref="FakeSlackSocket"/>,
/// on a clock the test moves and with jitter pinned to its lowest value (backoff = half the nominal delay).
/// </summary>
internal sealed class SocketModeHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenSource guard = new(TimeSpan.FromSeconds(20));
    private readonly IHost host;

    private SocketModeHarness(FakeSlackSocket slack, IHost host, TimerCountingTimeProvider time, RecordingLoggerProvider logs, TimeSpan? keepAlive)
    {
        Slack = slack;
        this.host = host;
        Time = time;
        Logs = logs;
        Inbox = host.Services.GetRequiredService<SlackInbox>();
        var socketMode = host.Services.GetRequiredService<SlackSocketMode>();
        if (keepAlive is { } ping)
        {
            socketMode.KeepAlive = (ping, ping);
        }

        Run = socketMode.RunAsync(stop.Token);
    }

    public FakeSlackSocket Slack { get; }

    public TimerCountingTimeProvider Time { get; }

    public RecordingLoggerProvider Logs { get; }

    public SlackInbox Inbox { get; }

    public Task Run { get; }

    /// <summary>Fails a test that waits for something that never happens instead of hanging it.</summary>
    public CancellationToken Timeout => guard.Token;

    /// <param name="keepAlive">Ping interval and pong timeout (real time, kept by ClientWebSocket); null for the production values.</param>
    /// <param name="halfOpen">How many of the fake's first connections never answer pings (<see cref="FakeSlackSocket.HalfOpenConnections"/>).</param>
    /// <param name="connections">How many connections the bot keeps (<c>Slack:SocketConnections</c>).</param>
    public static async Task<SocketModeHarness> StartAsync(
        bool autoHello = true, string appToken = FakeSlackSocket.AppToken, TimeSpan? keepAlive = null, int halfOpen = 0, int connections = 1)
    {
        var slack = await FakeSlackSocket.StartAsync(autoHello);
        slack.HalfOpenConnections = halfOpen;
        var time = new TimerCountingTimeProvider();
        var logs = new RecordingLoggerProvider();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([
            new("Slack:AppToken", appToken),
            new("Slack:ApiBaseUrl", slack.ApiBaseUrl.ToString()),
            new("Slack:SocketConnections", connections.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddKeyedSingleton<Random>(typeof(SlackSocketMode), new ConstantRandom(0));
        builder.AddSlack();
        return new SocketModeHarness(slack, builder.Build(), time, logs, keepAlive);
    }

    public IEnumerable<string> LogLines(string level) => Logs.Lines.Where(l => l.StartsWith(level + " ", StringComparison.Ordinal));

    public async Task<SlackInbound> NextInboundAsync() => await Inbox.Reader.ReadAsync(Timeout);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await Run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Slack.DisposeAsync();
        host.Dispose();
        stop.Dispose();
        guard.Dispose();
    }

    /// <summary>A Random that always gives the same value, so backoff delays are exact.</summary>
    private sealed class ConstantRandom(double value) : Random
    {
        public override double NextDouble() => value;

        protected override double Sample() => value;
    }
}

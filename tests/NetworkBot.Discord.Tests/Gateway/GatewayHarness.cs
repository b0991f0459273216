using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkBot.Discord.Gateway;
using NetworkBot.Discord.Tests.Fakes;
using NetworkBot.Discord.Tests.Rest;
using NetworkBot.Tests;

namespace NetworkBot.Discord.Tests.Gateway;

/// <summary>
/// The real <c>AddDiscord()</c> wiring with the REST API and the gateway faked on 127.0.0.1, a
/// <see cref="TimerCountingTimeProvider"/> and a <see cref="FixedRandom"/> of 0.5 (first heartbeat after half an interval,
/// 3 s after an invalid session). <see cref="DiscordGateway.RunAsync"/> is running once it is started.
/// </summary>
public sealed class GatewayHarness : IAsyncDisposable
{
    public const string Token = DiscordRestHarness.Token;
    public static readonly TimeSpan FirstHeartbeat = TimeSpan.FromMilliseconds(FakeDiscordGateway.HeartbeatInterval / 2.0);
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMilliseconds(FakeDiscordGateway.HeartbeatInterval);

    private readonly IHost host;
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));

    private GatewayHarness(FakeDiscordServer rest, FakeDiscordGateway fake, IHost host)
    {
        Rest = rest;
        Fake = fake;
        this.host = host;
        Run = Task.Run(() => Gateway.RunAsync(stop.Token));
    }

    public FakeDiscordServer Rest { get; }

    public FakeDiscordGateway Fake { get; }

    public TimerCountingTimeProvider Clock => (TimerCountingTimeProvider)host.Services.GetRequiredService<TimeProvider>();

    public LogCapture Logs => host.Services.GetRequiredService<LogCapture>();

    public DiscordGateway Gateway => host.Services.GetRequiredService<DiscordGateway>();

    /// <summary>The running <see cref="DiscordGateway.RunAsync"/>.</summary>
    public Task Run { get; }

    /// <summary>A failure guard for every wait: a test that hangs fails after 30 s instead.</summary>
    public CancellationToken Timeout => timeout.Token;

    public static async Task<GatewayHarness> StartAsync(
        bool autoSession = true, int shards = 1, int maxConcurrency = 1, int remaining = 999, long resetAfter = 14_400_000, int? shardId = null, int? shardCount = null)
    {
        var rest = await FakeDiscordServer.StartAsync();
        var fake = await FakeDiscordGateway.StartAsync(autoSession);
        rest.Enqueue(200, $$$"""
            {"url":"{{{fake.Url}}}","shards":{{{shards}}},
             "session_start_limit":{"total":1000,"remaining":{{{remaining}}},"reset_after":{{{resetAfter}}},"max_concurrency":{{{maxConcurrency}}}}}
            """);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = Token,
            ["Discord:ApiBaseUrl"] = rest.BaseUrl.ToString(),
            ["Discord:ShardId"] = shardId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Discord:ShardCount"] = shardCount?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var logs = new LogCapture();
        builder.Services.AddSingleton(logs);
        builder.Services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        builder.Services.AddSingleton<TimeProvider>(new TimerCountingTimeProvider());
        builder.Services.AddKeyedSingleton<Random>(typeof(DiscordGateway), new FixedRandom(0.5));
        builder.AddDiscord();
        return new GatewayHarness(rest, fake, builder.Build());
    }

    public Task<FakeGatewayConnection> NextConnectionAsync() => Fake.NextConnectionAsync(Timeout);

    /// <summary>Takes the first connection once its session is READY and handled; returns it with the last sequence number.</summary>
    public async Task<(FakeGatewayConnection Connection, long Seq)> ReadyConnectionAsync()
    {
        var connection = await NextConnectionAsync();
        await NextDispatchAsync("READY");
        return (connection, await SyncAsync());
    }

    public async Task<GatewayDispatch> NextDispatchAsync(string type)
    {
        while (true)
        {
            var dispatch = await Gateway.Dispatches.ReadAsync(Timeout);
            if (dispatch.Type == type)
            {
                return dispatch;
            }
        }
    }

    /// <summary>
    /// Sends a marker event and waits until the gateway hands it on: the client has then processed every frame
    /// sent before it (the reader handles frames in order). Returns the marker's sequence number.
    /// </summary>
    public async Task<long> SyncAsync()
    {
        var seq = await Fake.DispatchAsync("TEST_SYNC", "{}", Timeout);
        await NextDispatchAsync("TEST_SYNC");
        return seq;
    }

    /// <summary>Advances the clock and waits until the code woken by it has set its next timer (a heartbeat has then been sent).</summary>
    public async Task AdvanceUntilNextTimerAsync(TimeSpan by)
    {
        var before = Clock.TimersCreated;
        Clock.Advance(by);
        await Clock.WaitForTimersAsync(before + 1);
    }

    /// <summary>Frames with opcode <paramref name="op"/> the client sent on <paramref name="connection"/> so far.</summary>
    public static int CountSent(FakeGatewayConnection connection, int op) =>
        connection.Received.Count(f => f.GetProperty("op").GetInt32() == op);

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await Run.WaitAsync(Timeout);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await Run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        host.Dispose();
        await Fake.DisposeAsync();
        await Rest.DisposeAsync();
        stop.Dispose();
        timeout.Dispose();
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkBot.Core.Storage;
using NetworkBot.Discord.Tests.Interactions;
using NetworkBot.Slack.Tests.Bot;
using NetworkBot.Slack.Tests.Fakes;
using NetworkBot.Tests;

namespace NetworkBot.Slack.Tests.SocketMode;

/// <summary>
/// The whole Slack side of <c>networkbot run</c> (<see cref="SlackBot"/>: Socket Mode, the inbox, its workers and the
/// real command layer over SQLite) against <see cref="FakeSlackSocket"/> and <see cref="FakeSlackApi"/>, on a clock the
/// test moves. <see cref="Gate"/> holds every command until the test opens it, so sockets can die with commands in flight.
/// </summary>
internal sealed class SlackBotRunHarness : IAsyncDisposable
{
    public const string Manager = "U0MANA";

    private readonly TempDatabase database = new();
    private readonly CancellationTokenSource guard = new(TimeSpan.FromSeconds(30));
    private IHost host = null!;
    private int commands;

    public FakeSlackApi Api { get; private set; } = null!;

    public FakeSlackSocket Slack { get; private set; } = null!;

    public TimerCountingTimeProvider Clock { get; } = new();

    public GatedStore Gate { get; private set; } = null!;

    public IStore Store => host.Services.GetRequiredService<IStore>();

    public CancellationToken Timeout => guard.Token;

    public static async Task<SlackBotRunHarness> StartAsync()
    {
        var harness = new SlackBotRunHarness();
        harness.Api = await FakeSlackApi.StartAsync();
        harness.Slack = await FakeSlackSocket.StartAsync(autoHello: true);
        harness.Api.AddUser(Manager, "mana", isAdmin: true);
        var socketHost = harness.Slack.ApiBaseUrl.Authority;
        var tickets = 0;
        harness.Api.Handle("apps.connections.open", _ => new JsonObject
        {
            ["ok"] = true,
            ["url"] = $"ws://{socketHost}{FakeSlackSocket.SocketPath}?ticket={Interlocked.Increment(ref tickets)}&app_id={FakeSlackSocket.AppId}",
        });

        (harness.host, harness.Gate) = await GatedSlackHost.BuildAsync(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-fake-bot-token",
            ["Slack:AppToken"] = FakeSlackSocket.AppToken,
            ["Slack:ApiBaseUrl"] = harness.Api.BaseUrl.ToString(),
            ["Storage:ConnectionString"] = harness.database.ConnectionString,
        }, harness.Clock, runBot: true);
        await harness.host.StartAsync(harness.Timeout);
        return harness;
    }

    /// <summary>
    /// The first connection, hello said, with the clock moved past the time after which a drop no longer counts as a
    /// quick failure, so the bot reconnects at once when this socket dies.
    /// </summary>
    public async Task<FakeSlackConnection> FirstConnectionAsync()
    {
        var first = await Slack.NextConnectionAsync(Timeout);
        await first.SyncAsync(Timeout);
        Clock.Advance(TimeSpan.FromMinutes(1));
        return first;
    }

    /// <summary>
    /// A command held in the store while the socket it came on dies; returns that socket, the command and the socket
    /// the bot opened next.
    /// </summary>
    public async Task<(FakeSlackConnection Dead, string Command, FakeSlackConnection Next)> HeldCommandOnADroppedSocketAsync()
    {
        var first = await FirstConnectionAsync();
        Gate.Close();
        var command = await SendCommandAsync(first);
        await first.SyncAsync(Timeout);
        first.Abort();
        return (first, command, await Slack.NextConnectionAsync(Timeout));
    }

    /// <summary>
    /// Sends a command with an effect of its own (it creates an event named after it) and its own <c>response_url</c>;
    /// returns its name, which is also its envelope id and the id of its <c>response_url</c>.
    /// </summary>
    public async Task<string> SendCommandAsync(FakeSlackConnection connection)
    {
        var name = $"cmd-{Interlocked.Increment(ref commands)}";
        var payload = new JsonObject
        {
            ["team_id"] = FakeSlackApi.TeamId,
            ["channel_id"] = "C0GENERAL",
            ["user_id"] = Manager,
            ["user_name"] = "mana",
            ["command"] = "/network",
            ["text"] = $"admin events create title:\"{name}\" date:2026-12-01 time:08:00 timezone:Asia/Tokyo",
            ["trigger_id"] = $"trigger-{name}",
            ["response_url"] = Api.ResponseUrl(name).ToString(),
            ["api_app_id"] = FakeSlackSocket.AppId,
        };
        await connection.SendEnvelopeAsync("slash_commands", payload.ToJsonString(), Timeout, envelopeId: name);
        return name;
    }

    /// <summary>
    /// Every answer each command got, wherever it went: acknowledgements with a payload (on any connection) and posts
    /// to its <c>response_url</c>. Answers by <c>chat.postEphemeral</c> or DM name no command and are counted apart.
    /// </summary>
    public IReadOnlyDictionary<string, int> AnswersPerCommand(IEnumerable<string> names)
    {
        var acks = Slack.Connections.SelectMany(c => c.Received)
            .Where(f => f.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.Object && p.EnumerateObject().Any())
            .Select(f => f.GetProperty("envelope_id").GetString())
            .ToList();
        var hooks = Api.HookPosts.Select(h => h.Id).ToList();
        return names.ToDictionary(n => n, n => acks.Count(a => a == n) + hooks.Count(h => h == n), StringComparer.Ordinal);
    }

    /// <summary>Answers that name no command: ephemeral messages and DMs through the Web API.</summary>
    public int OtherAnswers => Api.Calls.Count(c => c.Method is "chat.postEphemeral" or "chat.postMessage");

    /// <summary>Reads <paramref name="connection"/>'s frames until each of <paramref name="names"/> was acknowledged with a payload on it.</summary>
    public async Task WaitForAnsweringAcksAsync(FakeSlackConnection connection, IReadOnlyCollection<string> names)
    {
        var answered = new HashSet<string>(StringComparer.Ordinal);
        while (!names.All(answered.Contains))
        {
            var frame = await connection.ReceiveAsync(Timeout);
            if (frame.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object && payload.EnumerateObject().Any())
            {
                answered.Add(frame.GetProperty("envelope_id").GetString()!);
            }
        }
    }

    /// <summary>The events the commands created: one per command that ran.</summary>
    public async Task<IReadOnlyList<string>> EventTitlesAsync() =>
        [.. (await Store.ListEventsAsync(SlackPlatform.CommunityFor(FakeSlackApi.TeamId), includeCancelled: true, CancellationToken.None)).Select(e => e.Title)];

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync(CancellationToken.None);
        host.Dispose();
        await Slack.DisposeAsync();
        await Api.DisposeAsync();
        database.Dispose();
        guard.Dispose();
    }
}

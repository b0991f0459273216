using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NetworkBot.Bench.Answers;
using NetworkBot.Core.Domain;
using NetworkBot.Slack.Tests.Fakes;
using NetworkBot.Tests.Dashboard;

namespace NetworkBot.Bench.Footprint;

/// <summary>
/// The fake Slack (Web API and Socket Mode of the Slack tests) for the <c>footprint</c> benchmark: the community is the
/// fake's workspace, every member is a workspace user (member 1 an admin), and a command is a <c>/network</c> slash
/// command in a <c>slash_commands</c> envelope, answered by its acknowledgement.
/// </summary>
internal sealed class SlackFootprint : IFootprintPlatform
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    private readonly FakeSlackApi api;
    private readonly FakeSlackSocket socket;
    private readonly string coffeeChannel;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> acks = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource reading = new();
    private readonly List<Task> readers = [];
    private FakeSlackConnection? current;
    private long commands;

    private SlackFootprint(FakeSlackApi api, FakeSlackSocket socket)
    {
        this.api = api;
        this.socket = socket;
        coffeeChannel = api.AddChannel("coffee");
        SlackAnswerRun.ConnectSocketMode(api, socket);
    }

    public string Name => "Slack (Socket Mode)";

    public string ReadyEvent => "hello";

    public IReadOnlyDictionary<string, string> BotSettings => new Dictionary<string, string>
    {
        ["Slack__BotToken"] = "xoxb-bench-bot-token",
        ["Slack__AppToken"] = FakeSlackSocket.AppToken,
        ["Slack__ApiBaseUrl"] = api.BaseUrl.ToString(),
    };

    public int MessagesPosted => api.Messages.Count;

    public static async Task<SlackFootprint> StartAsync() =>
        new(await FakeSlackApi.StartAsync(), await FakeSlackSocket.StartAsync(autoHello: true));

    public CommunitySeed Community(int members, int rounds)
    {
        for (var n = 1; n <= members; n++)
        {
            api.AddUser(UserId(n), $"member{n}", isAdmin: n == 1);
        }

        return new CommunitySeed(CommunityId.For("slack", FakeSlackApi.TeamId), "Footprint Network", Language.En)
        {
            Members = members,
            Rounds = rounds,
            CoffeeChannel = coffeeChannel,
            MemberId = n => new MemberId(UserId(n)),
        };
    }

    /// <summary>The fake says hello as it accepts the socket, so the socket handed over is one the bot has just been greeted on.</summary>
    public async Task<long> ReadyAsync(CancellationToken ct)
    {
        var connection = await socket.NextConnectionAsync(ct);
        var greeted = Stopwatch.GetTimestamp();
        Volatile.Write(ref current, connection);
        readers.Add(Task.Run(() => ReadAcksAsync(connection, reading.Token), CancellationToken.None));
        return greeted;
    }

    public async Task<long> AnswerAsync(string command, int member, CancellationToken ct)
    {
        var (_, acked) = await SendAsync(command, member, ct);
        await acked.WaitAsync(ct);
        return Stopwatch.GetTimestamp();
    }

    public async Task<string> RunRoundAsync(CancellationToken ct)
    {
        var (id, acked) = await SendAsync("admin coffee run-now", member: 1, ct);
        // In the acknowledgement when the round was quick, else by the command's response_url.
        while (true)
        {
            if (acked.IsCompleted && (await acked).TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object
                && payload.TryGetProperty("text", out var text))
            {
                return text.GetString()!;
            }

            if (api.HookPosts.FirstOrDefault(h => h.Id == id) is { } posted)
            {
                return posted.Text ?? posted.Body.ToJsonString();
            }

            await Task.Delay(Poll, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await reading.CancelAsync();
        await Task.WhenAll(readers).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        reading.Dispose();
        await socket.DisposeAsync();
        await api.DisposeAsync();
    }

    private static string UserId(int n) => "U0M" + n.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>Sends one slash command on the bot's socket; returns its envelope id and its acknowledgement to come.</summary>
    private async Task<(string Id, Task<JsonElement> Acked)> SendAsync(string command, int member, CancellationToken ct)
    {
        var id = $"footprint-{Interlocked.Increment(ref commands)}";
        var acked = acks.GetOrAdd(id, _ => new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously));
        var payload = SlackAnswerRun.SlashCommand(id, command, UserId(member), coffeeChannel, api.ResponseUrl(id));
        await Volatile.Read(ref current)!.SendEnvelopeAsync("slash_commands", payload.ToJsonString(), ct, id);
        return (id, acked.Task);
    }

    private async Task ReadAcksAsync(FakeSlackConnection connection, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                var frame = await connection.ReceiveAsync(ct);
                if (frame.TryGetProperty("envelope_id", out var id) && id.GetString() is { } envelope)
                {
                    acks.GetOrAdd(envelope, _ => new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(frame.Clone());
                }
            }
        }
        catch (Exception e) when (e is System.Threading.Channels.ChannelClosedException or OperationCanceledException)
        {
            // The bot's socket ended (a restart), or the run did.
        }
    }
}

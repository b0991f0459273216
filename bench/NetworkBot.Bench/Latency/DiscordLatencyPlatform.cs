using NetworkBot.Bench.Answers;
using NetworkBot.Discord.Interactions;
using NetworkBot.Discord.Tests.Fakes;
using NetworkBot.Host.Tests.Discord;

namespace NetworkBot.Bench.Latency;

/// <summary>
/// The fake Discord of the Host tests, its REST API answering every call after
/// <see cref="LatencyRun.LeastRestLatency"/>–<see cref="LatencyRun.MostRestLatency"/>: interactions go out as
/// <c>INTERACTION_CREATE</c> on the gateway session, and each is answered when its first callback reaches the REST API.
/// </summary>
internal sealed class DiscordLatencyPlatform : ILatencyPlatform
{
    private readonly FakeDiscordGateway gateway;
    private readonly FakeDiscordApi api;

    private DiscordLatencyPlatform(FakeDiscordGateway gateway, FakeDiscordApi api)
    {
        this.gateway = gateway;
        this.api = api;
    }

    public string Name => "Discord";

    public IReadOnlyDictionary<string, string> BotSettings => new Dictionary<string, string>
    {
        ["Discord__Token"] = "bench-bot-token",
        ["Discord__ApiBaseUrl"] = api.BaseUrl.ToString(),
    };

    public static async Task<DiscordLatencyPlatform> StartAsync(IEnumerable<LatencyCommunity> communities)
    {
        var gateway = await FakeDiscordGateway.StartAsync(autoSession: true);
        gateway.GuildIds = [.. communities.Select(c => c.ExternalId)];
        var api = await FakeDiscordApi.StartAsync(gateway.Url);
        api.AnswerAfter(LatencyRun.LeastRestLatency, LatencyRun.MostRestLatency);
        return new DiscordLatencyPlatform(gateway, api);
    }

    public async Task ConnectedAsync(CancellationToken ct)
    {
        while (gateway.Live is null)
        {
            await Task.Delay(10, ct);
        }
    }

    public async Task SendAsync(string id, LatencyCommunity community, LatencyAction action, CancellationToken ct)
    {
        var caller = action.Caller;
        var json = action.Button is { } button
            ? DiscordInteractions.Button(id, community.ExternalId, CustomIds.Encode(button), caller.Id.Value, caller.DisplayName)
            : DiscordInteractions.Command(
                id, community.ExternalId, action.Path,
                [.. action.Options.Select(o => (o.Name, o.Name == action.MemberOption ? DiscordInteractions.User : DiscordInteractions.Text, o.Value))],
                caller.Id.Value, caller.DisplayName, action.ByManager ? "32" : "0");
        await gateway.DispatchToSessionAsync("INTERACTION_CREATE", json, ct);
    }

    public bool Answered(string id) => api.Requests.Any(r => r.Method == "POST" && r.Path.Contains($"/interactions/{id}/", StringComparison.Ordinal));

    public (Dictionary<string, double> Latencies, int Deferred, int Duplicates) Time(IReadOnlyDictionary<string, long> sentAt) => DiscordCallbacks.Time(api, sentAt);

    public IReadOnlyDictionary<string, int> Deliveries()
    {
        var requests = api.Requests;
        return new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["threads made"] = requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/threads", StringComparison.Ordinal)),
            ["members added to threads"] = requests.Count(r => r.Method == "PUT" && r.Path.Contains("/thread-members/", StringComparison.Ordinal)),
            ["messages posted"] = requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal)),
            ["DM channels opened"] = requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/users/@me/channels", StringComparison.Ordinal)),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await api.DisposeAsync();
        await gateway.DisposeAsync();
    }
}

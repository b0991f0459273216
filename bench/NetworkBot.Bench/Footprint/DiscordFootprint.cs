using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NetworkBot.Bench.Answers;
using NetworkBot.Core.Domain;
using NetworkBot.Discord.Tests.Fakes;
using NetworkBot.Host.Tests.Discord;
using NetworkBot.Tests.Dashboard;

namespace NetworkBot.Bench.Footprint;

/// <summary>
/// The fake Discord (gateway and REST API of the tests) for the <c>footprint</c> benchmark: the community is the guild
/// the gateway's READY names, its members are users whose ids <see cref="DiscordAnswerRun.Interaction"/> speaks for,
/// and rounds go to private threads of a coffee channel.
/// </summary>
internal sealed class DiscordFootprint : IFootprintPlatform
{
    private const string CoffeeChannel = "345626669114982111";

    private readonly FakeDiscordGateway gateway;
    private readonly FakeDiscordApi api;
    private long interactions;

    private DiscordFootprint(FakeDiscordGateway gateway, FakeDiscordApi api)
    {
        this.gateway = gateway;
        this.api = api;
    }

    public string Name => "Discord";

    public string ReadyEvent => "READY";

    public IReadOnlyDictionary<string, string> BotSettings => new Dictionary<string, string>
    {
        ["Discord__Token"] = "bench-bot-token",
        ["Discord__ApiBaseUrl"] = api.BaseUrl.ToString(),
    };

    public int MessagesPosted => api.Requests.Count(r => r.Method == "POST" && r.Path.StartsWith("/api/v10/channels/", StringComparison.Ordinal) && r.Path.EndsWith("/messages", StringComparison.Ordinal));

    public static async Task<DiscordFootprint> StartAsync()
    {
        var gateway = await FakeDiscordGateway.StartAsync(autoSession: true);
        return new DiscordFootprint(gateway, await FakeDiscordApi.StartAsync(gateway.Url));
    }

    public CommunitySeed Community(int members, int rounds) =>
        new(CommunityId.For("discord", DiscordAnswerRun.GuildId), "フットプリント交流会", Language.Ja)
        {
            Members = members,
            Rounds = rounds,
            CoffeeChannel = CoffeeChannel,
            MemberId = n => new MemberId(DiscordAnswerRun.UserId(n)),
        };

    public async Task<long> ReadyAsync(CancellationToken ct)
    {
        var connection = await gateway.NextConnectionAsync(ct);
        await connection.Started.WaitAsync(ct);
        return Stopwatch.GetTimestamp();
    }

    public async Task<long> AnswerAsync(string command, int member, CancellationToken ct)
    {
        var id = await SendAsync(command, member, manager: false, ct);
        return (await api.WaitForAsync(r => r.Path.Contains($"/interactions/{id}/", StringComparison.Ordinal), ct)).ReceivedAt;
    }

    public async Task<string> RunRoundAsync(CancellationToken ct)
    {
        var id = await SendAsync("admin coffee run-now", member: 1, manager: true, ct);
        // Answered at once (callback type 4), or deferred (type 5) and then edited in (PATCH …/messages/@original).
        var answer = await api.WaitForAsync(
            r => (r.Path.Contains($"/interactions/{id}/", StringComparison.Ordinal) && r.Json.GetProperty("type").GetInt32() != 5)
                || (r.Method == "PATCH" && r.Path.Contains($"/bench-token-{id}/messages/", StringComparison.Ordinal)),
            ct);
        var message = answer.Json.TryGetProperty("data", out var data) ? data : answer.Json;
        return message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String
            ? content.GetString()!
            : message.TryGetProperty("embeds", out var embeds) && embeds.GetArrayLength() > 0 && embeds[0].TryGetProperty("description", out var description)
                ? description.GetString()!
                : answer.Body;
    }

    public async ValueTask DisposeAsync()
    {
        await api.DisposeAsync();
        await gateway.DisposeAsync();
    }

    /// <summary>Sends one slash command of member <paramref name="member"/> on the bot's session; returns the interaction's id.</summary>
    private async Task<string> SendAsync(string command, int member, bool manager, CancellationToken ct)
    {
        var id = (1_200_000_000_000_000_000L + Interlocked.Increment(ref interactions)).ToString(CultureInfo.InvariantCulture);
        await gateway.DispatchToSessionAsync("INTERACTION_CREATE", DiscordAnswerRun.Interaction(id, command, null, member, manager ? "32" : "0"), ct);
        return id;
    }
}

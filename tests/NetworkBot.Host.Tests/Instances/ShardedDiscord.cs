using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkBot.Discord.Tests.Fakes;
using NetworkBot.Host.Tests.Discord;
using NetworkBot.Host.Tests.Journeys;

namespace NetworkBot.Host.Tests.Instances;

/// <summary>
/// One fake Discord (gateway and REST API on 127.0.0.1) for a bot whose shards run in separate processes, routing each
/// gateway dispatch as Discord does (PROTOCOLS §1.8): a server's events to shard <c>(guild_id &gt;&gt; 22) % shard_count</c>,
/// DM interactions (no <c>guild_id</c>) to shard 0. Each process is given a token of its own, which Discord would not
/// do but the fake accepts, so the <c>Authorization</c> of a request says which process made it.
/// </summary>
public sealed class ShardedDiscord : IAsyncDisposable
{
    private readonly FakeDiscordGateway gateway;
    private readonly ConcurrentDictionary<int, FakeGatewayConnection> shards = new();
    private long interactions;

    private ShardedDiscord(FakeDiscordGateway gateway, FakeDiscordApi api, int shardCount)
    {
        this.gateway = gateway;
        Api = api;
        ShardCount = shardCount;
    }

    public FakeDiscordApi Api { get; }

    public int ShardCount { get; }

    public static async Task<ShardedDiscord> StartAsync(int shardCount)
    {
        var gateway = await FakeDiscordGateway.StartAsync(autoSession: true);
        return new ShardedDiscord(gateway, await FakeDiscordApi.StartAsync(gateway.Url), shardCount);
    }

    /// <summary>Discord's rule for which shard gets a server's events.</summary>
    public static int ShardOf(string guildId, int shardCount) =>
        (int)((ulong.Parse(guildId, CultureInfo.InvariantCulture) >> 22) % (ulong)shardCount);

    /// <summary>The <c>Authorization</c> header of the process that runs <paramref name="shard"/>.</summary>
    public static string AuthorizationOf(int shard) => $"Bot {TokenOf(shard)}";

    /// <summary>Starts <paramref name="run"/> as <paramref name="shard"/> and returns once that shard identified as such and got READY.</summary>
    public Task StartShardAsync(JourneyRun run, int shard, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Settings["Discord:Token"] = TokenOf(shard);
        run.Settings["Discord:ApiBaseUrl"] = Api.BaseUrl.ToString();
        run.Settings["Discord:ShardId"] = shard.ToString(CultureInfo.InvariantCulture);
        run.Settings["Discord:ShardCount"] = ShardCount.ToString(CultureInfo.InvariantCulture);
        run.Settings["Urls"] = "http://127.0.0.1:0";
        return run.StartAsync(
            async c =>
            {
                var connection = await gateway.NextConnectionAsync(c);
                var identify = await connection.ReceiveOpAsync(2, c);
                Assert.Equal([shard, ShardCount], identify.GetProperty("d").GetProperty("shard").EnumerateArray().Select(n => n.GetInt32()));
                await connection.Started.WaitAsync(c);
                shards[shard] = connection;
            },
            ct);
    }

    /// <summary>
    /// Sends <paramref name="interaction"/> (given a fresh id and token) on the shard Discord would pick and waits for its
    /// callback; returns the callback request and every text the member sees in the answer (the deferred answer's edit included).
    /// </summary>
    public async Task<(ApiRequest Callback, string Text)> InteractAsync(JsonObject interaction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var id = (1_100_000_000_000_000_000L + Interlocked.Increment(ref interactions)).ToString(CultureInfo.InvariantCulture);
        interaction["id"] = id;
        interaction["token"] = $"token-{id}";
        interaction["application_id"] = FakeDiscordGateway.ApplicationId;
        interaction["locale"] = "en-US";
        var shard = interaction["guild_id"] is { } guild ? ShardOf((string)guild!, ShardCount) : 0;
        await shards[shard].DispatchAsync("INTERACTION_CREATE", interaction.ToJsonString(), ct);
        var callback = await Api.WaitForAsync(r => r.Path == CallbackPath(id), ct);
        var answer = callback.Json;
        if (answer.GetProperty("type").GetInt32() is 5 or 6)
        {
            answer = (await Api.WaitForAsync(r => r.Method == "PATCH" && r.Path.EndsWith($"/token-{id}/messages/@original", StringComparison.Ordinal), ct)).Json;
        }

        return (callback, string.Join('\n', Texts(answer)));
    }

    /// <summary>The path of the callback of the interaction with <paramref name="id"/>.</summary>
    public static string CallbackPath(string id) => $"/api/v10/interactions/{id}/token-{id}/callback";

    /// <summary>Every string in a message or callback, wherever it sits (content, embeds, fields, button labels).</summary>
    public static IEnumerable<string> Texts(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => [json.GetString()!],
        JsonValueKind.Object => json.EnumerateObject().SelectMany(p => Texts(p.Value)),
        JsonValueKind.Array => json.EnumerateArray().SelectMany(Texts),
        _ => [],
    };

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await gateway.DisposeAsync();
    }

    private static string TokenOf(int shard) => $"shard-{shard.ToString(CultureInfo.InvariantCulture)}-bot-token";
}

using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Discord.Tests.Fixtures;
using NetworkBot.Host.Tests.Discord;
using NetworkBot.Host.Tests.Journeys;
using NetworkBot.Storage;
using NetworkBot.Tests.Postgres;

namespace NetworkBot.Host.Tests.Instances;

/// <summary>
/// A bot split over two processes by shard (<c>Discord:ShardId</c> 0 and 1 of 2: two real <c>networkbot run</c>s,
/// in-process) on one PostgreSQL database, against one fake Discord that routes events as Discord does. The server
/// lives on shard 1, but the DMs its members get are answered from shard 0, the other process.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DiscordShardsTests : IAsyncLifetime
{
    private const int Shards = 2;
    private const string Manager = "200000000000000001";
    private const string Aiko = "200000000000000002";
    private const string Ben = "200000000000000003";

    private static readonly CommunityId Server = CommunityId.For("discord", InteractionJson.GuildId);

    private readonly PostgresFixture postgres;
    private readonly CancellationTokenSource guard = new(TimeSpan.FromMinutes(2));
    private readonly JourneyClock clock = new();
    private readonly List<string> interactionIds = [];
    private readonly JourneyRun shard0;
    private readonly JourneyRun shard1;
    private ShardedDiscord? discord;

    public DiscordShardsTests(PostgresFixture postgres)
    {
        this.postgres = postgres;

        // One clock for both processes, as one wall clock serves every instance.
        shard0 = new JourneyRun(clock);
        shard1 = new JourneyRun(clock);
    }

    private CancellationToken Guard => guard.Token;

    public Task InitializeAsync() => Task.CompletedTask;

    [PostgresFact]
    public async Task A_dm_button_of_a_server_on_shard_1_is_answered_by_shard_0s_process_and_stored_for_that_server_once()
    {
        Assert.Equal(1, ShardedDiscord.ShardOf(InteractionJson.GuildId, Shards));
        discord = await ShardedDiscord.StartAsync(Shards);
        var database = await postgres.CreateDatabaseAsync(Guard);
        foreach (var (run, shard) in new[] { (shard0, 0), (shard1, 1) })
        {
            run.Settings["Storage:Provider"] = StorageOptions.PostgresProvider;
            run.Settings["Storage:ConnectionString"] = database.ConnectionString;
            await discord.StartShardAsync(run, shard, Guard);
        }

        // Server commands reach shard 1 only, and its process answers them.
        await InServerAsync(Manager, InteractionJson.Command("admin setup", InteractionJson.Option("timezone", 3, "UTC")));
        foreach (var member in new[] { Aiko, Ben })
        {
            Assert.Contains(CoffeeTexts.CoffeeJoined.En, await InServerAsync(member, InteractionJson.Command("coffee join")), StringComparison.Ordinal);
        }

        await InServerAsync(Manager, InteractionJson.Command(
            "admin coffee schedule",
            InteractionJson.Option("weekday", 3, "wed"),
            InteractionJson.Option("time", 3, "10:00"),
            InteractionJson.Option("timezone", 3, "UTC"),
            InteractionJson.Option("group-size", 4, 2)));

        // Monday 09:00 + 25 h: the day-before notice reaches each member by DM, with a skip button naming the server.
        clock.Advance(TimeSpan.FromHours(25));
        var (dm, skip) = await NoticeAsync(Aiko);
        var customId = skip.GetProperty("custom_id").GetString()!;
        Assert.Contains($"@{InteractionJson.GuildId}", customId, StringComparison.Ordinal);

        // Pressed in the DM: no guild_id, the member as `user`, so Discord sends it to shard 0, the other process.
        var (callback, text) = await discord.InteractAsync(new JsonObject
        {
            ["type"] = 3,
            ["channel_id"] = dm,
            ["context"] = 1,
            ["user"] = User(Aiko),
            ["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 },
            ["message"] = new JsonObject { ["id"] = "1", ["channel_id"] = dm, ["content"] = string.Empty },
        }, Guard);
        interactionIds.Add(callback.Path.Split('/')[4]);
        Assert.Equal(ShardedDiscord.AuthorizationOf(0), callback.Authorization);
        Assert.Contains(CoffeeTexts.CoffeeSkipping.En, text, StringComparison.Ordinal);

        Assert.True((await shard0.Store.GetMemberAsync(Server, new MemberId(Aiko), Guard))!.Coffee.SkipNext);
        Assert.False((await shard1.Store.GetMemberAsync(Server, new MemberId(Ben), Guard))!.Coffee.SkipNext);

        // Nothing twice: one notice per member, whichever process delivered it, and one answer per interaction.
        await NoticeAsync(Ben);
        Assert.Single(Notices(Aiko));
        Assert.Single(Notices(Ben));
        Assert.All(interactionIds, id => Assert.Single(discord.Api.Requests, r => r.Path == ShardedDiscord.CallbackPath(id)));

        // The commands were registered by the first process; the second found them registered in the shared database.
        Assert.Equal(ShardedDiscord.AuthorizationOf(0), Assert.Single(discord.Api.Requests, r => r.Method == "PUT" && r.Path.EndsWith("/commands", StringComparison.Ordinal)).Authorization);
    }

    public async Task DisposeAsync()
    {
        await shard0.DisposeAsync();
        await shard1.DisposeAsync();
        if (discord is not null)
        {
            await discord.DisposeAsync();
        }

        guard.Dispose();
    }

    /// <summary>A slash command in the server; returns the answer's text after checking it came from shard 1's process.</summary>
    private async Task<string> InServerAsync(string user, JsonObject command)
    {
        var member = new JsonObject { ["user"] = User(user), ["roles"] = new JsonArray(), ["permissions"] = user == Manager ? "32" : "0" };
        var (callback, text) = await discord!.InteractAsync(InteractionJson.InGuild(2, command, member), Guard);
        interactionIds.Add(callback.Path.Split('/')[4]);
        Assert.Equal(ShardedDiscord.AuthorizationOf(1), callback.Authorization);
        return text;
    }

    /// <summary>The DM channel of the member's day-before notice and its skip button, waiting for it.</summary>
    private async Task<(string Dm, JsonElement Skip)> NoticeAsync(string user)
    {
        var notice = await discord!.Api.WaitForAsync(r => IsNotice(r, user), Guard);
        var skip = Buttons(notice.Json).Single(b => b.GetProperty("label").GetString() == CoffeeTexts.ButtonSkip.En);
        return (notice.Path.Split('/')[^2], skip);
    }

    private IEnumerable<ApiRequest> Notices(string user) => discord!.Api.Requests.Where(r => IsNotice(r, user));

    private bool IsNotice(ApiRequest request, string user) =>
        request.Method == "POST" && request.Path.EndsWith("/messages", StringComparison.Ordinal)
        && discord!.Api.DmRecipient(request.Path.Split('/')[^2]) == user
        && Buttons(request.Json).Any(b => b.GetProperty("label").GetString() == CoffeeTexts.ButtonSkip.En);

    private static IEnumerable<JsonElement> Buttons(JsonElement message) =>
        message.TryGetProperty("components", out var rows)
            ? rows.EnumerateArray().SelectMany(row => row.GetProperty("components").EnumerateArray()).Where(c => c.GetProperty("type").GetInt32() == 2)
            : [];

    private static JsonObject User(string id) => new() { ["id"] = id, ["username"] = $"user{id[^1]}", ["global_name"] = $"User {id[^1]}" };
}

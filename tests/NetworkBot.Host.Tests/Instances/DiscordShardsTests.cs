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
/// lives on shard 1, but the buttons of the DMs its members get (the round's notice, "did you meet?") are pressed
/// where they were delivered and so answered by shard 0, the other process.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DiscordShardsTests : IAsyncLifetime
{
    private const int Shards = 2;
    private const string Manager = "200000000000000001";
    private const string Aiko = "200000000000000002";
    private const string Ben = "200000000000000003";
    private const string Chen = "200000000000000004";

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
    public async Task DM_buttons_of_a_server_on_shard_1_are_answered_by_shard_0s_process_and_stored_for_that_server_once()
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
        foreach (var member in new[] { Aiko, Ben, Chen })
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
        var (dm, skip) = await DirectAsync(Aiko, CoffeeTexts.ButtonSkip.En);
        Assert.Contains($"@{InteractionJson.GuildId}", skip, StringComparison.Ordinal);

        // Pressed in the DM: no guild_id, the member as `user`, so Discord sends it to shard 0, the other process.
        Assert.Contains(CoffeeTexts.CoffeeSkipping.En, await InDirectAsync(Aiko, dm, skip), StringComparison.Ordinal);
        Assert.True((await shard0.Store.GetMemberAsync(Server, new MemberId(Aiko), Guard))!.Coffee.SkipNext);

        // Wednesday 10:00 the round pairs Ben and Chen; at 70 % of the week "did you meet?" comes by DM, answered there.
        clock.Advance(TimeSpan.FromDays(1));
        await discord.Api.WaitForAsync(r => IsGroupMessageTo(r, Ben), Guard);
        clock.Advance(TimeSpan.FromDays(7 * 0.7) + TimeSpan.FromMinutes(1));
        var (benDm, met) = await DirectAsync(Ben, CoffeeTexts.ButtonMet.En);
        Assert.Contains("connection", await InDirectAsync(Ben, benDm, met), StringComparison.OrdinalIgnoreCase);
        var connected = await shard1.Store.ListConnectionsAsync(Server, new MemberId(Ben), Guard);
        Assert.Equal([new MemberId(Chen)], connected.Select(c => c.A == new MemberId(Ben) ? c.B : c.A));

        // Nothing twice: one notice and one check-in per member, whichever process delivered them, and one answer per interaction.
        await DirectAsync(Chen, CoffeeTexts.ButtonMet.En);
        Assert.All(new[] { Aiko, Ben, Chen }, member => Assert.Single(Direct(member, CoffeeTexts.ButtonSkip.En)));
        Assert.All(new[] { Ben, Chen }, member => Assert.Single(Direct(member, CoffeeTexts.ButtonMet.En)));
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

    /// <summary>A button pressed in the member's DM; returns the answer's text after checking it came from shard 0's process.</summary>
    private async Task<string> InDirectAsync(string user, string dm, string customId)
    {
        var (callback, text) = await discord!.InteractAsync(new JsonObject
        {
            ["type"] = 3,
            ["channel_id"] = dm,
            ["context"] = 1,
            ["user"] = User(user),
            ["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 },
            ["message"] = new JsonObject { ["id"] = "1", ["channel_id"] = dm, ["content"] = string.Empty },
        }, Guard);
        interactionIds.Add(callback.Path.Split('/')[4]);
        Assert.Equal(ShardedDiscord.AuthorizationOf(0), callback.Authorization);
        return text;
    }

    /// <summary>The DM channel of the first message with a button labelled <paramref name="label"/> to the member, and that button's custom id, waiting for it.</summary>
    private async Task<(string Dm, string CustomId)> DirectAsync(string user, string label)
    {
        var message = await discord!.Api.WaitForAsync(r => IsDirect(r, user, label), Guard);
        var button = Buttons(message.Json).Single(b => b.GetProperty("label").GetString() == label);
        return (message.Path.Split('/')[^2], button.GetProperty("custom_id").GetString()!);
    }

    private IEnumerable<ApiRequest> Direct(string user, string label) => discord!.Api.Requests.Where(r => IsDirect(r, user, label));

    private bool IsGroupMessageTo(ApiRequest request, string user) =>
        IsDirect(request, user) && ShardedDiscord.Texts(request.Json).Any(t => t.Contains("this round's coffee group", StringComparison.Ordinal));

    private bool IsDirect(ApiRequest request, string user, string label) =>
        IsDirect(request, user) && Buttons(request.Json).Any(b => b.GetProperty("label").GetString() == label);

    private bool IsDirect(ApiRequest request, string user) =>
        request.Method == "POST" && request.Path.EndsWith("/messages", StringComparison.Ordinal)
        && discord!.Api.DmRecipient(request.Path.Split('/')[^2]) == user;

    private static IEnumerable<JsonElement> Buttons(JsonElement message) =>
        message.TryGetProperty("components", out var rows)
            ? rows.EnumerateArray().SelectMany(row => row.GetProperty("components").EnumerateArray()).Where(c => c.GetProperty("type").GetInt32() == 2)
            : [];

    private static JsonObject User(string id) => new() { ["id"] = id, ["username"] = $"user{id[^1]}", ["global_name"] = $"User {id[^1]}" };
}

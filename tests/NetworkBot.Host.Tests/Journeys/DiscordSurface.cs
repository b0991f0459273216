using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Storage;
using NetworkBot.Discord.Tests.Fakes;
using NetworkBot.Host.Tests.Discord;
using NetworkBot.Tests;

namespace NetworkBot.Host.Tests.Journeys;

/// <summary>
/// The real <c>networkbot run</c> against the fake Discord: commands arrive as INTERACTION_CREATE over the gateway,
/// what the bot posts is read from the fake REST API (a DM channel it opened with one member, a thread it added
/// members to, or a channel), and a button is pressed where it was posted — from a DM with no <c>guild_id</c> and
/// the member as <c>user</c>, as Discord sends it, or from the server with the member as <c>member</c>.
/// </summary>
public sealed class DiscordSurface : IJourneySurface
{
    private const string GuildId = "290926798626357999";
    private const string ManageServer = "32";
    private readonly JourneyRun run;
    private readonly Dictionary<string, string> users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> readUpTo = new(StringComparer.Ordinal);
    private FakeDiscordGateway? gateway;
    private FakeDiscordApi? api;
    private string manager = string.Empty;
    private long interactions;

    public DiscordSurface() => run = new JourneyRun(Clock);

    public CommunityId Community { get; } = CommunityId.For("discord", GuildId);

    public string Provider { get => run.Provider; init => run.Provider = value; }

    public JourneyClock Clock { get; } = new();

    public IStore Store => run.Store;

    public string ConnectionString => run.ConnectionString;

    private FakeDiscordApi Api => api ?? throw new InvalidOperationException("Start the surface first.");

    public async Task StartAsync(string manager, CancellationToken ct)
    {
        this.manager = manager;
        gateway = await FakeDiscordGateway.StartAsync(autoSession: true);
        api = await FakeDiscordApi.StartAsync(gateway.Url);
        run.Settings["Discord:Token"] = "journey-bot-token";
        run.Settings["Discord:ApiBaseUrl"] = api.BaseUrl.ToString();
        run.Settings["Urls"] = "http://127.0.0.1:0";
        await run.StartAsync(ReadyAsync, ct);
    }

    /// <summary>Identified on the gateway, with its commands registered.</summary>
    private async Task ReadyAsync(CancellationToken ct)
    {
        var connection = await gateway!.NextConnectionAsync(ct);
        await connection.ReceiveOpAsync(2, ct);
        await Api.WaitForAsync(r => r.Method == "PUT" && r.Path.EndsWith("/commands", StringComparison.Ordinal), ct);
    }

    public MemberId Id(string member) => new(User(member));

    public string Mention(string member) => User(member);

    public string Channel(string name)
    {
        if (!channels.TryGetValue(name, out var id))
        {
            channels[name] = id = (400_000_000_000_000_000L + channels.Count).ToString(CultureInfo.InvariantCulture);
        }

        return id;
    }

    public (bool Role, bool Channel) InterestSpace => (true, true);

    public bool AnswersPrivately => true;

    public bool FilesInDirectMessages => true;

    /// <summary>Discord tells the bot with GUILD_MEMBER_REMOVE: the server and the user, nothing else.</summary>
    public Task LeaveAsync(string member, CancellationToken ct) =>
        gateway!.DispatchAsync("GUILD_MEMBER_REMOVE", new JsonObject { ["guild_id"] = GuildId, ["user"] = UserJson(member) }.ToJsonString(), ct);

    public Task<Uri> FollowAsync(Uri link, CancellationToken ct) => Task.FromResult(link);

    public async Task SpaceChangedAsync(string member, Interest interest, bool joined, CancellationToken ct)
    {
        var route = $"/api/v10/guilds/{GuildId}/members/{User(member)}/roles/{interest.RoleRef}";
        await Api.WaitForAsync(r => r.Method == (joined ? "PUT" : "DELETE") && r.Path == route, ct);
    }

    public Task<Seen?> HomeAsync(string member, CancellationToken ct) => Task.FromResult<Seen?>(null);

    public async Task<Seen> RunAsync(string member, string line, CancellationToken ct)
    {
        var parsed = Assert.IsType<CommandParseResult.Parsed>(CommandTextParser.Parse(line));
        var spec = CommandTable.Find(parsed.Path) ?? throw new InvalidOperationException($"No command {parsed.Path}");
        var words = parsed.Path.Split(' ');
        JsonArray options = [.. parsed.Options.Select(o => Option(spec, o.Key, o.Value))];
        for (var i = words.Length - 1; i >= 1; i--)
        {
            options = [new JsonObject { ["type"] = i == words.Length - 1 ? 1 : 2, ["name"] = words[i], ["options"] = options }];
        }

        var data = new JsonObject { ["id"] = "771825006014889984", ["name"] = words[0], ["type"] = 1, ["options"] = options };
        return await InteractAsync(InServer(2, member, Channel("general"), data), ct);
    }

    public async Task<Seen> SubmitAsync(string member, Seen form, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        Assert.True(form.IsForm, $"Not a form: {form}");
        var (customId, where, channel) = ((string, Place, string))form.Source;
        var data = new JsonObject
        {
            ["custom_id"] = customId,
            ["components"] = new JsonArray([.. values.Select(v => (JsonNode)new JsonObject
            {
                ["type"] = 18,
                ["component"] = new JsonObject { ["type"] = 4, ["custom_id"] = v.Key, ["value"] = v.Value },
            })]),
        };
        return await InteractAsync(Interaction(5, member, where, channel, data), ct);
    }

    public async Task<Seen> PressAsync(string member, Seen seen, string button, CancellationToken ct)
    {
        var (message, where, channel) = ((JsonElement, Place, string))seen.Source;
        var components = Components(message).ToList();
        var data = components.FirstOrDefault(c => c.TryGetProperty("label", out var l) && l.GetString() == button) is { ValueKind: JsonValueKind.Object } pressed
            ? new JsonObject { ["custom_id"] = pressed.GetProperty("custom_id").GetString(), ["component_type"] = 2 }
            : components.Where(c => c.GetProperty("type").GetInt32() == 3)
                .SelectMany(select => select.GetProperty("options").EnumerateArray().Select(option => (select, option)))
                .FirstOrDefault(c => c.option.GetProperty("label").GetString() == button) is { select.ValueKind: JsonValueKind.Object } picked
            ? new JsonObject
            {
                ["custom_id"] = picked.select.GetProperty("custom_id").GetString(),
                ["component_type"] = 3,
                ["values"] = new JsonArray(picked.option.GetProperty("value").GetString()),
            }
            : throw new Xunit.Sdk.XunitException($"No button or choice “{button}” on {seen}");
        var interaction = Interaction(3, member, where, channel, data);
        interaction["message"] = new JsonObject { ["id"] = "1", ["channel_id"] = channel, ["content"] = string.Empty };
        return await InteractAsync(interaction, ct);
    }

    public async Task<Seen> NextAsync(string member, Func<Seen, bool> match, CancellationToken ct)
    {
        var user = User(member);
        var from = readUpTo.GetValueOrDefault(user);
        ApiRequest found;
        try
        {
            found = await Api.WaitForAsync(r => r.Index >= from && Delivered(r, user) is { } seen && match(seen), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            var posted = Api.Requests.Where(r => r.Index >= from).Select(r => $"{r.Method} {r.Path} {(r.Method == "POST" ? r.Body[..Math.Min(r.Body.Length, 160)] : "")}");
            throw new Xunit.Sdk.XunitException($"No message to {member} matched. Since then the bot sent:\n{string.Join('\n', posted)}");
        }

        readUpTo[user] = found.Index + 1;
        return Delivered(found, user)!;
    }

    public Task AdvanceAsync(TimeSpan by, CancellationToken ct)
    {
        Clock.Advance(by);
        return Task.CompletedTask;
    }

    /// <summary>The message a request posted, as <paramref name="user"/> sees it, when it reached them.</summary>
    private Seen? Delivered(ApiRequest request, string user)
    {
        if (request.Method != "POST" || !request.Path.EndsWith("/messages", StringComparison.Ordinal))
        {
            return null;
        }

        var channel = request.Path.Split('/')[^2];
        Place where;
        if (Api.DmRecipient(channel) is { } recipient)
        {
            where = Place.Direct;
            if (recipient != user)
            {
                return null;
            }
        }
        else if (Api.IsThread(channel))
        {
            where = Place.Group;
            if (!Api.Requests.Any(r => r.Method == "PUT" && r.Path.EndsWith($"/channels/{channel}/thread-members/{user}", StringComparison.Ordinal)))
            {
                return null;
            }
        }
        else if (!request.Path.StartsWith("/api/v10/channels/", StringComparison.Ordinal))
        {
            return null;
        }
        else
        {
            where = Place.Channel;
        }

        return Posted(request, where, channel);
    }

    /// <summary>A posted message as its reader sees it; one with a file came as <c>payload_json</c> and <c>files[0]</c>.</summary>
    private static Seen Posted(ApiRequest request, Place where, string channel)
    {
        if (request.ContentType?.StartsWith("multipart/form-data", StringComparison.Ordinal) != true)
        {
            return Read(request.Json, where, channel);
        }

        var message = JsonDocument.Parse(MultipartForm.Named(request.Body, "payload_json").Content).RootElement;
        var file = MultipartForm.Parse(request.Body).Single(p => p.FileName is not null);
        return Read(message, where, channel) with { File = new SeenFile(file.FileName!, file.Content) };
    }

    /// <summary>Sends the interaction and reads the bot's answer: a message, the redrawn message, a modal, or a deferred reply's edit.</summary>
    private async Task<Seen> InteractAsync(JsonObject interaction, CancellationToken ct)
    {
        var id = (1_000_000_000_000_000_000L + Interlocked.Increment(ref interactions)).ToString(CultureInfo.InvariantCulture);
        interaction["id"] = id;
        interaction["token"] = "journey-token-" + id;
        interaction["application_id"] = FakeDiscordGateway.ApplicationId;
        interaction["locale"] = "en-US";
        await gateway!.DispatchAsync("INTERACTION_CREATE", interaction.ToJsonString(), ct);
        var callback = (await Api.WaitForAsync(r => r.Path == $"/api/v10/interactions/{id}/journey-token-{id}/callback", ct)).Json;
        var where = interaction["guild_id"] is null ? Place.Direct : Place.Channel;
        var channel = (string)interaction["channel_id"]!;
        switch (callback.GetProperty("type").GetInt32())
        {
            case 9:
                var modal = callback.GetProperty("data");
                var fields = modal.GetProperty("components").EnumerateArray()
                    .Select(label => label.GetProperty("component").GetProperty("custom_id").GetString()!)
                    .ToList();
                return new Seen(Place.Answer, modal.GetProperty("title").GetString()!, [], (modal.GetProperty("custom_id").GetString()!, where, channel)) { FormFields = fields };
            case 5 or 6:
                var edit = await Api.WaitForAsync(r => r.Method == "PATCH" && r.Path.EndsWith($"/journey-token-{id}/messages/@original", StringComparison.Ordinal), ct);
                return Read(edit.Json, Place.Answer, channel);
            default:
                return Read(callback.GetProperty("data"), Place.Answer, channel);
        }
    }

    private JsonObject Interaction(int type, string member, Place where, string channel, JsonObject data) =>
        where == Place.Direct
            ? new JsonObject
            {
                ["type"] = type,
                ["channel_id"] = channel,
                ["context"] = 1,
                ["user"] = UserJson(member),
                ["data"] = data,
            }
            : InServer(type, member, channel, data);

    private JsonObject InServer(int type, string member, string channel, JsonObject data) => new()
    {
        ["type"] = type,
        ["guild_id"] = GuildId,
        ["channel_id"] = channel,
        ["context"] = 0,
        ["member"] = new JsonObject
        {
            ["user"] = UserJson(member),
            ["roles"] = new JsonArray(),
            ["permissions"] = member == manager ? ManageServer : "0",
        },
        ["data"] = data,
    };

    private JsonObject UserJson(string member) => new() { ["id"] = User(member), ["username"] = member.ToLowerInvariant(), ["global_name"] = member };

    private string User(string member)
    {
        if (!users.TryGetValue(member, out var id))
        {
            users[member] = id = (200_000_000_000_000_000L + users.Count).ToString(CultureInfo.InvariantCulture);
        }

        return id;
    }

    /// <summary>A command option as Discord types it: numbers as numbers, everything else (ids included) as strings.</summary>
    private static JsonObject Option(CommandSpec spec, string name, string value)
    {
        var kind = spec.Options.FirstOrDefault(o => o.Name == name)?.Kind ?? OptionKind.Text;
        var (type, json) = kind switch
        {
            OptionKind.Integer => (4, JsonValue.Create(long.Parse(value, CultureInfo.InvariantCulture))),
            OptionKind.Member => (6, JsonValue.Create(value)),
            OptionKind.Channel => (7, JsonValue.Create(value)),
            OptionKind.Role => (8, JsonValue.Create(value)),
            _ => (3, (JsonNode?)JsonValue.Create(value)),
        };
        return new JsonObject { ["name"] = name, ["type"] = type, ["value"] = json };
    }

    private static Seen Read(JsonElement message, Place where, string channel)
    {
        var text = new List<string>();
        if (message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String)
        {
            text.Add(content.GetString()!);
        }

        if (message.TryGetProperty("embeds", out var embeds) && embeds.ValueKind == JsonValueKind.Array)
        {
            foreach (var embed in embeds.EnumerateArray())
            {
                text.AddRange(new[] { "title", "description" }.Where(p => embed.TryGetProperty(p, out _)).Select(p => embed.GetProperty(p).GetString()!));
                if (embed.TryGetProperty("fields", out var fields))
                {
                    text.AddRange(fields.EnumerateArray().Select(f => $"{f.GetProperty("name").GetString()}: {f.GetProperty("value").GetString()}"));
                }
            }
        }

        var buttons = Components(message)
            .SelectMany<JsonElement, JsonElement>(c => c.GetProperty("type").GetInt32() == 2 ? [c] : c.TryGetProperty("options", out var options) ? [.. options.EnumerateArray()] : [])
            .Select(c => c.GetProperty("label").GetString()!)
            .ToList();
        var red = message.TryGetProperty("embeds", out var shown) && shown.ValueKind == JsonValueKind.Array
            && shown.EnumerateArray().Any(e => e.TryGetProperty("color", out var color) && color.GetInt32() == 0xED4245);
        var ephemeral = message.TryGetProperty("flags", out var flags) && flags.ValueKind == JsonValueKind.Number && (flags.GetInt32() & 64) != 0;
        return new Seen(where, string.Join('\n', text), buttons, (message.Clone(), where, channel)) { IsError = red, Private = ephemeral, Conversation = channel };
    }

    private static IEnumerable<JsonElement> Components(JsonElement message) =>
        message.TryGetProperty("components", out var rows) && rows.ValueKind == JsonValueKind.Array
            ? rows.EnumerateArray().SelectMany(row => row.GetProperty("components").EnumerateArray())
            : [];

    public async ValueTask DisposeAsync()
    {
        await run.DisposeAsync();
        if (api is not null)
        {
            await api.DisposeAsync();
        }

        if (gateway is not null)
        {
            await gateway.DisposeAsync();
        }

    }
}

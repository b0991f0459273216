using System.Text;
using System.Text.Json.Nodes;
using NetworkBot.Discord.Interactions;

namespace NetworkBot.Discord.Tests.Fixtures;

/// <summary>Builds interaction bodies for tests: fixtures with a caller or our own custom id put in, or small ones from scratch.</summary>
internal static class InteractionJson
{
    public const string GuildId = "290926798626357999";
    public const string UserId = "53908232506183680";

    public static JsonObject Member(string permissions = "0", string? nick = null, params string[] roles) => new()
    {
        ["user"] = new JsonObject { ["id"] = UserId, ["username"] = "mason", ["global_name"] = "Mason" },
        ["nick"] = nick,
        ["roles"] = new JsonArray([.. roles.Select(r => JsonValue.Create(r))]),
        ["permissions"] = permissions,
    };

    /// <summary>A guild interaction of <paramref name="type"/> with <paramref name="data"/>, invoked by a plain member.</summary>
    public static JsonObject InGuild(int type, JsonObject data, JsonObject? member = null) => new()
    {
        ["id"] = "846462639134605312",
        ["application_id"] = "290926444748734465",
        ["type"] = type,
        ["token"] = "unique_interaction_token",
        ["guild_id"] = GuildId,
        ["channel_id"] = "345626669114982999",
        ["locale"] = "en-US",
        ["member"] = member ?? Member(),
        ["data"] = data,
    };

    /// <summary>A slash command: <paramref name="path"/> words become subcommand (group) options around <paramref name="parameters"/>.</summary>
    public static JsonObject Command(string path, params JsonObject[] parameters)
    {
        var words = path.Split(' ');
        JsonArray options = [.. parameters];
        for (var i = words.Length - 1; i >= 1; i--)
        {
            options = [new JsonObject { ["type"] = i == words.Length - 1 ? 1 : 2, ["name"] = words[i], ["options"] = options }];
        }

        return new JsonObject { ["id"] = "771825006014889984", ["name"] = words[0], ["type"] = 1, ["options"] = options };
    }

    public static JsonObject Option(string name, int type, JsonNode? value, bool focused = false)
    {
        var option = new JsonObject { ["name"] = name, ["type"] = type, ["value"] = value };
        if (focused)
        {
            option["focused"] = true;
        }

        return option;
    }

    /// <summary>Adds a guild and member to a data-only fixture, unless it already names a caller.</summary>
    public static JsonObject WithCaller(JsonObject interaction)
    {
        if (interaction["member"] is null && interaction["user"] is null)
        {
            interaction["guild_id"] = GuildId;
            interaction["member"] = Member();
        }

        return interaction;
    }

    public static JsonObject WithCustomId(JsonObject interaction, string customId)
    {
        interaction["data"]!["custom_id"] = customId;
        return interaction;
    }

    public static MappedInteraction Map(JsonNode interaction) => InteractionMapper.Parse(Encoding.UTF8.GetBytes(interaction.ToJsonString()));

    public static T Map<T>(JsonNode interaction)
        where T : MappedInteraction => Assert.IsType<T>(Map(interaction));
}

using System.Text.Json.Nodes;
using NetworkBot.Discord.Tests.Fakes;

namespace NetworkBot.Bench.Answers;

/// <summary>
/// Interactions as Discord sends them in <c>INTERACTION_CREATE</c>, for the runs that drive the real bot: a slash command
/// with its options, and a button pressed on one of the bot's messages (its <c>custom_id</c> as the bot wrote it).
/// </summary>
internal static class DiscordInteractions
{
    /// <summary>Discord's option type for a string, and for a user.</summary>
    public const int Text = 3;

    /// <inheritdoc cref="Text"/>
    public const int User = 6;

    /// <summary>The channel the commands are typed in.</summary>
    public const string Channel = "345626669114982999";

    /// <summary>
    /// <c>/path</c> with <paramref name="options"/> (name, Discord type, value) from a member of <paramref name="guild"/>;
    /// <paramref name="permissions"/> 32 is Manage Server, 0 a plain member.
    /// </summary>
    public static string Command(
        string id, string guild, string path, IReadOnlyList<(string Name, int Type, string Value)> options, string userId, string displayName, string permissions)
    {
        var words = path.Split(' ');
        JsonArray parameters = [.. options.Select(o => (JsonNode)new JsonObject { ["name"] = o.Name, ["type"] = o.Type, ["value"] = o.Value })];
        for (var i = words.Length - 1; i >= 1; i--)
        {
            parameters = [new JsonObject { ["type"] = i == words.Length - 1 ? 1 : 2, ["name"] = words[i], ["options"] = parameters }];
        }

        return Envelope(id, 2, guild, userId, displayName, permissions, new JsonObject { ["id"] = "771825006014889984", ["name"] = words[0], ["type"] = 1, ["options"] = parameters });
    }

    /// <summary>A button with <paramref name="customId"/> pressed by a member of <paramref name="guild"/> on a message of the bot.</summary>
    public static string Button(string id, string guild, string customId, string userId, string displayName)
    {
        var json = JsonNode.Parse(Envelope(id, 3, guild, userId, displayName, "0", new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 }))!.AsObject();
        json["message"] = new JsonObject { ["id"] = "1100000000000000001", ["channel_id"] = Channel, ["content"] = "", ["flags"] = 0 };
        return json.ToJsonString();
    }

    private static string Envelope(string id, int type, string guild, string userId, string displayName, string permissions, JsonObject data) =>
        new JsonObject
        {
            ["id"] = id,
            ["application_id"] = FakeDiscordGateway.ApplicationId,
            ["type"] = type,
            ["token"] = "bench-token-" + id,
            ["guild_id"] = guild,
            ["channel_id"] = Channel,
            ["locale"] = "en-US",
            ["member"] = new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = userId, ["username"] = displayName, ["global_name"] = displayName },
                ["roles"] = new JsonArray(),
                ["permissions"] = permissions,
            },
            ["data"] = data,
        }.ToJsonString();
}

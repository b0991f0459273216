using System.Text.Json.Serialization;

namespace NetworkBot.Discord.Rest.Payloads;

/// <summary>A guild role (the fields we use). <see cref="Managed"/> roles belong to an integration (a bot's own role).</summary>
public sealed record DiscordRole(
    Snowflake Id,
    string Name,
    int Position = 0,
    [property: JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)] ulong Permissions = 0,
    bool Managed = false);

using System.Text.Json.Serialization;

namespace NetworkBot.Discord.Rest.Payloads;

/// <summary>A guild role to create; <see cref="Permissions"/> goes out as a string bitfield.</summary>
public sealed record DiscordRoleCreate(
    string Name,
    [property: JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)] ulong? Permissions = null,
    int? Color = null,
    bool? Hoist = null,
    bool? Mentionable = null);

using System.Text.Json.Serialization;

namespace NetworkBot.Discord.Rest.Payloads;

/// <summary>A channel permission overwrite; <see cref="Type"/> 0 is a role (the guild id is @everyone), 1 a member. Bits go out as strings.</summary>
public sealed record DiscordPermissionOverwrite(
    Snowflake Id,
    int Type,
    [property: JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)] ulong Allow,
    [property: JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)] ulong Deny)
{
    public const int RoleType = 0;
    public const int MemberType = 1;
}

namespace NetworkBot.Discord.Rest.Payloads;

/// <summary>
/// Who a message may ping. <see cref="Parse"/> is always empty, so text such as "@everyone" from users never
/// pings; only the explicit <see cref="Users"/> and <see cref="Roles"/> do.
/// </summary>
public sealed record DiscordAllowedMentions(
    IReadOnlyList<Snowflake>? Users = null,
    IReadOnlyList<Snowflake>? Roles = null,
    bool? RepliedUser = null)
{
    /// <summary>Pings nobody.</summary>
    public static DiscordAllowedMentions None { get; } = new();

    public IReadOnlyList<string> Parse { get; } = [];
}

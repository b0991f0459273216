namespace NetworkBot.Discord.Interactions;

/// <summary>
/// An interaction as it arrives over the gateway (<c>INTERACTION_CREATE</c>'s <c>d</c>) or HTTP; one shape for all
/// five types. The invoking user is <c>member.user</c> in guilds and <see cref="User"/> in DMs.
/// </summary>
public sealed record Interaction(InteractionType Type)
{
    public string? Id { get; init; }

    public string? ApplicationId { get; init; }

    public string? Token { get; init; }

    public InteractionData? Data { get; init; }

    public string? GuildId { get; init; }

    public string? ChannelId { get; init; }

    public InteractionChannel? Channel { get; init; }

    public GuildMember? Member { get; init; }

    public DiscordUser? User { get; init; }

    public string? Locale { get; init; }

    public string? GuildLocale { get; init; }

    public InteractionMessage? Message { get; init; }

    public string? AppPermissions { get; init; }

    public int? Version { get; init; }

    public override string ToString() => $"Interaction {{ Type = {Type}, Id = {Id}, GuildId = {GuildId} }}";
}

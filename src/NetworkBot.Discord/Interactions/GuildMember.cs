namespace NetworkBot.Discord.Interactions;

/// <summary>
/// The invoking member of a guild interaction. <see cref="Permissions"/> is a decimal bitfield string wider
/// than 32 bits, already including the channel's overwrites.
/// </summary>
public sealed record GuildMember(DiscordUser? User)
{
    public string? Nick { get; init; }

    public IReadOnlyList<string>? Roles { get; init; }

    public string? Permissions { get; init; }
}

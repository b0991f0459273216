namespace NetworkBot.Discord.Interactions;

/// <summary>The partial channel an interaction was sent from.</summary>
public sealed record InteractionChannel(string Id)
{
    public string? GuildId { get; init; }

    public string? Name { get; init; }

    public int? Type { get; init; }
}

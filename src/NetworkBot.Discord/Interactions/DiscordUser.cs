namespace NetworkBot.Discord.Interactions;

/// <summary>A Discord user as interactions and <c>READY</c> carry it; only the fields the bot reads.</summary>
public sealed record DiscordUser(string Id, string Username)
{
    public string? GlobalName { get; init; }

    public bool? Bot { get; init; }
}

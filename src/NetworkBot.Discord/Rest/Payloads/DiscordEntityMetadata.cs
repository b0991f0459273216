namespace NetworkBot.Discord.Rest.Payloads;

/// <summary>Where an EXTERNAL (entity type 3) scheduled event happens.</summary>
public sealed record DiscordEntityMetadata(string? Location);

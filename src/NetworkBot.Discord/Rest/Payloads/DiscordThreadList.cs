namespace NetworkBot.Discord.Rest.Payloads;

/// <summary>A guild's active threads (GET /guilds/{guild_id}/threads/active; the fields we use).</summary>
public sealed record DiscordThreadList(IReadOnlyList<DiscordChannel> Threads);

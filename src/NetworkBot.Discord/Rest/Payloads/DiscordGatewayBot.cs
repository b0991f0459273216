namespace NetworkBot.Discord.Rest.Payloads;

/// <summary>GET /gateway/bot: where to connect, the recommended shard count and the identify budget.</summary>
public sealed record DiscordGatewayBot(string Url, int Shards, DiscordSessionStartLimit SessionStartLimit);

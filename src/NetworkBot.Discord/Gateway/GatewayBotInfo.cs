namespace NetworkBot.Discord.Gateway;

/// <summary>The answer of <c>GET /gateway/bot</c>: where to connect and how many identifies are left.</summary>
public sealed record GatewayBotInfo(string Url, int Shards, SessionStartLimit SessionStartLimit);

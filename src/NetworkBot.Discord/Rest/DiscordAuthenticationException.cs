namespace NetworkBot.Discord.Rest;

/// <summary>
/// Discord answered 401: the bot token is wrong or revoked. Never retried, since every 401 counts toward
/// Discord's invalid-request limit (10,000 per 10 minutes leads to a Cloudflare ban).
/// </summary>
public sealed class DiscordAuthenticationException(DiscordApiError error) : DiscordApiException(error);

namespace NetworkBot.Discord.Gateway;

/// <summary>What each gateway close code asks of the client (PROTOCOLS §1.7).</summary>
public static class GatewayCloseCodes
{
    private static readonly Dictionary<int, (string Cause, string Fix)> Fatal = new()
    {
        [4004] = ("authentication failed", "Discord:Token was rejected; set it to the bot token from the Developer Portal (Bot → Reset Token)"),
        [4010] = ("invalid shard", "check Discord:ShardId and Discord:ShardCount (ShardId must be below ShardCount)"),
        [4011] = ("sharding required", "the bot is in too many guilds for one shard; raise Discord:ShardCount or leave ShardId and ShardCount unset"),
        [4012] = ("invalid API version", "this build speaks gateway v10, which Discord no longer accepts; update NetworkBot"),
        [4013] = ("invalid intents", "NetworkBot sent an invalid intents value; this is a bug, please report it"),
        [4014] = ("disallowed intents", "enable the Server Members intent (GUILD_MEMBERS) in the Developer Portal (Bot → Privileged Gateway Intents)"),
    };

    /// <summary>
    /// What to do after the server closed with <paramref name="code"/>; null means the socket dropped without a
    /// close frame, which is resumable. Unknown codes are resumed too: a rejected resume falls back to Identify.
    /// </summary>
    public static GatewayCloseAction ActionFor(int? code) => code switch
    {
        4003 or 4007 or 4009 => GatewayCloseAction.Identify,
        { } fatal when Fatal.ContainsKey(fatal) => GatewayCloseAction.Stop,
        _ => GatewayCloseAction.Resume,
    };

    /// <summary>The exception that reports a fatal <paramref name="code"/> with its cause and fix.</summary>
    public static DiscordGatewayFatalException FatalError(int code) =>
        Fatal.TryGetValue(code, out var known)
            ? new DiscordGatewayFatalException(code, known.Cause, known.Fix)
            : new DiscordGatewayFatalException(code, "unknown", "see Discord's close code list");
}

namespace NetworkBot.Discord.Gateway;

/// <summary>How a shard goes on after its connection ended.</summary>
public enum GatewayCloseAction
{
    /// <summary>Reconnect on <c>resume_gateway_url</c> and Resume the session.</summary>
    Resume,

    /// <summary>The session is gone: reconnect on the cached gateway URL and Identify.</summary>
    Identify,

    /// <summary>Reconnecting cannot help until the configuration changes.</summary>
    Stop,
}

namespace NetworkBot.Transport;

/// <summary>One connection of a platform as <see cref="PlatformConnections"/> last heard of it.</summary>
/// <param name="Connection">Which one: <c>shard 0</c>, <c>socket mode</c>, <c>http</c>.</param>
/// <param name="IsUp">Whether it is connected and serving.</param>
/// <param name="Detail">A short sentence for operators: what made it up, or why it is not.</param>
public sealed record ConnectionStatus(string Connection, bool IsUp, string Detail);

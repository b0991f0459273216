using System.Collections.Concurrent;

namespace NetworkBot.Transport;

/// <summary>
/// Whether each platform's connections are up, for the readiness check: the parts that own a connection say so where
/// it opens (Discord's READY or RESUMED, Slack's <c>hello</c>, <c>auth.test</c> for Slack's HTTP mode) and where it
/// ends. A connection lost is also counted as a reconnect (<see cref="TransportMetrics"/>).
/// </summary>
public sealed class PlatformConnections(TransportMetrics metrics)
{
    private readonly ConcurrentDictionary<(string Platform, string Connection), ConnectionStatus> connections = new();

    /// <summary>A connection that is to be made (a shard waiting for its turn to start): not up yet.</summary>
    public void Expect(string platform, string connection) =>
        connections[(platform, connection)] = new ConnectionStatus(connection, IsUp: false, "connecting");

    public void Up(string platform, string connection, string detail) =>
        connections[(platform, connection)] = new ConnectionStatus(connection, IsUp: true, detail);

    /// <summary>The connection ended and is being made again.</summary>
    public void Lost(string platform, string connection, string reason)
    {
        connections[(platform, connection)] = new ConnectionStatus(connection, IsUp: false, reason);
        metrics.Reconnecting(platform);
    }

    /// <summary>The platform's connections by name; none until its first one is expected or made.</summary>
    public IReadOnlyList<ConnectionStatus> Of(string platform) =>
        [.. connections.Where(c => c.Key.Platform == platform).Select(c => c.Value).OrderBy(c => c.Connection, StringComparer.Ordinal)];
}

using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;

namespace NetworkBot.Core.Connections;

/// <summary>
/// Connections: the people who met (a "yes" to "did you meet?", or both asking to connect after an event). Part of
/// <see cref="Storage.IStore"/>, which a storage provider implements.
/// </summary>
public interface IConnectionStore
{
    /// <summary>The member's connections, newest first.</summary>
    Task<IReadOnlyList<Connection>> ListConnectionsAsync(CommunityId community, MemberId member, CancellationToken ct);

    /// <summary>
    /// Every connection of the community, oldest first (then by <see cref="Connection.A"/> and <see cref="Connection.B"/>,
    /// so the order is stable): the whole network, for the dashboard's graph and growth over time.
    /// </summary>
    Task<IReadOnlyList<Connection>> ListCommunityConnectionsAsync(CommunityId community, CancellationToken ct);

    /// <summary>How many connections of the community were made at or after <paramref name="since"/>.</summary>
    Task<int> CountConnectionsSinceAsync(CommunityId community, DateTimeOffset since, CancellationToken ct);

    /// <summary>
    /// Records that <paramref name="from"/> wants to connect with <paramref name="to"/> after the event; when
    /// <paramref name="to"/> already asked the same, adds their connection too, in one transaction. True when connected.
    /// </summary>
    Task<bool> WishConnectionAsync(CommunityId community, EventId ev, MemberId from, MemberId to, DateTimeOffset at, CancellationToken ct);
}

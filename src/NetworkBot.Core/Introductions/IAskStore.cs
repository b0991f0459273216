using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;

namespace NetworkBot.Core.Introductions;

/// <summary>
/// Asks and the introductions they lead to. Part of <see cref="Storage.IStore"/>, which a storage provider implements.
/// </summary>
public interface IAskStore
{
    Task<Ask?> GetAskAsync(CommunityId community, AskId id, CancellationToken ct);

    /// <summary>The asks <paramref name="asker"/> made, newest first.</summary>
    Task<IReadOnlyList<Ask>> ListMemberAsksAsync(CommunityId community, MemberId asker, CancellationToken ct);

    /// <summary>The community's asks still <see cref="AskStatus.Open"/>, oldest first: what a new offer is checked against.</summary>
    Task<IReadOnlyList<Ask>> ListOpenAsksAsync(CommunityId community, CancellationToken ct);

    /// <summary>Asks of every community whose <see cref="Ask.NextStepAt"/> is at or before <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<Ask>> ListDueAsksAsync(DateTimeOffset now, CancellationToken ct);

    /// <summary>How many times <paramref name="member"/> was asked to be introduced (as a candidate) at or after <paramref name="since"/>.</summary>
    Task<int> CountTimesAskedAsync(CommunityId community, MemberId member, DateTimeOffset since, CancellationToken ct);

    /// <summary>
    /// Stores the ask (new when its <see cref="Ask.Version"/> is 0) with the messages it causes and, when one of them said
    /// they connected, their connection, in one transaction; <see cref="Storage.StaleWriteException"/>, with nothing
    /// stored, when the stored ask moved on meanwhile (or was erased with its asker), and when a new ask's id is already
    /// taken in its community. A stored ask reads back at version 1 or more, so only a new ask can meet the taken id.
    /// </summary>
    Task SaveAskAsync(Ask ask, IReadOnlyList<OutboxMessage> messages, Connection? connection, CancellationToken ct);

    /// <summary>The community's asks made at or after <paramref name="since"/>: how many, accepted, connected.</summary>
    Task<AskFigures> CountAsksAsync(CommunityId community, DateTimeOffset since, CancellationToken ct);
}

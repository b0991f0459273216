using NetworkBot.Core.Pairing;

namespace NetworkBot.Pairing.Json;

/// <summary>
/// History rounds as <see cref="PairingRequestReader"/> reads them after the members: it resolved their ids to
/// member indices as it went, so the engine needs no second look-up of millions of ids. The indices hold only for
/// the very member ids they were read against; for any other members the ids are looked up as usual.
/// </summary>
internal sealed class ResolvedHistory(PairingHistoryRound[] rounds, IndexedHistoryRound[] indexed, string[] memberIds)
    : IPairingHistory
{
    public int Count => rounds.Length;

    public PairingHistoryRound this[int index] => rounds[index];

    public IReadOnlyList<IndexedHistoryRound> IndexBy(IReadOnlyList<PairingMember> members, IReadOnlyDictionary<string, int> indexOf) =>
        Fits(members) ? indexed : new PairingHistory(rounds).IndexBy(members, indexOf);

    public IEnumerator<PairingHistoryRound> GetEnumerator() => ((IEnumerable<PairingHistoryRound>)rounds).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Whether the indices were resolved against exactly these members, in this order.</summary>
    private bool Fits(IReadOnlyList<PairingMember> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count != memberIds.Length)
        {
            return false;
        }

        for (var i = 0; i < memberIds.Length; i++)
        {
            if (!string.Equals(members[i].Id.Value, memberIds[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

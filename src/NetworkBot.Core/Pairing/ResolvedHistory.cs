using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Pairing;

/// <summary>
/// History rounds as <see cref="PairingRequestReader"/> reads them after the members: their groups are
/// <see cref="ResolvedGroups"/>, whose ids are already member indices, so the pair facts need no second look-up of
/// millions of ids. The indices hold only for the very member ids they were read against; <see cref="Fits"/> checks
/// that a request still has them.
/// </summary>
internal sealed class ResolvedHistory(PairingHistoryRound[] rounds, string[] memberIds) : IReadOnlyList<PairingHistoryRound>
{
    public int Count => rounds.Length;

    public PairingHistoryRound this[int index] => rounds[index];

    /// <summary>Whether the indices were resolved against exactly these members, in this order.</summary>
    public bool Fits(IReadOnlyList<PairingMember> members)
    {
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

    public IEnumerator<PairingHistoryRound> GetEnumerator() => ((IEnumerable<PairingHistoryRound>)rounds).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// The groups of one history round as flat entries: group <c>g</c> is <c>Entries[Starts[g]..Starts[g + 1]]</c>,
/// each entry a member's index or, for an id outside the round, the complement of its place among the strangers.
/// A large history is millions of ids; held this way it is a few arrays, not one per group.
/// </summary>
internal sealed class ResolvedGroups(int[] entries, int[] starts, string[] memberIds, List<string> strangers)
    : IReadOnlyList<IReadOnlyList<MemberId>>
{
    public int[] Entries { get; } = entries;

    public int[] Starts { get; } = starts;

    public int Count => Starts.Length - 1;

    public IReadOnlyList<MemberId> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var group = new MemberId[Starts[index + 1] - Starts[index]];
            for (var i = 0; i < group.Length; i++)
            {
                var entry = Entries[Starts[index] + i];
                group[i] = new MemberId(entry >= 0 ? memberIds[entry] : strangers[~entry]);
            }

            return group;
        }
    }

    public IEnumerator<IReadOnlyList<MemberId>> GetEnumerator()
    {
        for (var g = 0; g < Count; g++)
        {
            yield return this[g];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

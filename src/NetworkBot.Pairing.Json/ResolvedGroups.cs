using NetworkBot.Core.Domain;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Pairing.Json;

/// <summary>
/// The groups of one history round read as <see cref="IndexedHistoryRound"/> entries, shown by id: each entry a member's index
/// or, for an id outside the round, the complement of its place among the strangers. Ids are made only when a group
/// is asked for, so a large history stays a few arrays.
/// </summary>
internal sealed class ResolvedGroups(IndexedHistoryRound indexed, string[] memberIds, List<string> strangers)
    : IReadOnlyList<IReadOnlyList<MemberId>>
{
    public int Count => indexed.GroupCount;

    public IReadOnlyList<MemberId> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var entries = indexed.Group(index);
            var group = new MemberId[entries.Length];
            for (var i = 0; i < group.Length; i++)
            {
                group[i] = new MemberId(entries[i] >= 0 ? memberIds[entries[i]] : strangers[~entries[i]]);
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

using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Pairing;

/// <summary>Past rounds as the scheduler keeps them, by member id: the engine looks each id up once per round it pairs.</summary>
public sealed class PairingHistory(IReadOnlyList<PairingHistoryRound> rounds) : IPairingHistory
{
    public static PairingHistory Empty { get; } = new([]);

    public int Count => rounds.Count;

    public PairingHistoryRound this[int index] => rounds[index];

    public IReadOnlyList<IndexedHistoryRound> IndexBy(IReadOnlyList<PairingMember> members, IReadOnlyDictionary<string, int> indexOf)
    {
        ArgumentNullException.ThrowIfNull(indexOf);
        var indexed = new IndexedHistoryRound[rounds.Count];
        var (entries, starts) = (new List<int>(), new List<int>());
        for (var round = 0; round < rounds.Count; round++)
        {
            entries.Clear();
            starts.Clear();
            foreach (var group in rounds[round].Groups)
            {
                starts.Add(entries.Count);
                foreach (var id in group)
                {
                    entries.Add(IndexOf(id, indexOf));
                }
            }

            starts.Add(entries.Count);
            indexed[round] = new IndexedHistoryRound([.. entries], [.. starts]);
        }

        return indexed;
    }

    public IEnumerator<PairingHistoryRound> GetEnumerator() => rounds.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private static int IndexOf(MemberId id, IReadOnlyDictionary<string, int> indexOf) =>
        indexOf.TryGetValue(id.Value, out var index) ? index : -1;
}

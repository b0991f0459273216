namespace NetworkBot.Core.Pairing;

/// <summary>
/// Orders weighed partners and edges heaviest first, then by index, so equal weights still give one order: one
/// definition for the exact path's best partners and the sparse path's candidates and greedy pass.
/// </summary>
internal readonly struct HeaviestFirst : IComparer<(long Weight, int Member)>, IComparer<WeightedEdge>
{
    public int Compare((long Weight, int Member) left, (long Weight, int Member) right) =>
        left.Weight != right.Weight ? right.Weight.CompareTo(left.Weight) : left.Member.CompareTo(right.Member);

    public int Compare(WeightedEdge left, WeightedEdge right) =>
        left.Weight != right.Weight ? right.Weight.CompareTo(left.Weight)
        : left.First != right.First ? left.First.CompareTo(right.First)
        : left.Second.CompareTo(right.Second);
}

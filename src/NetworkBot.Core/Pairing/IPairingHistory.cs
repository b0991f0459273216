namespace NetworkBot.Core.Pairing;

/// <summary>
/// Past rounds, oldest first: a list of rounds for whoever reads them, and the groups as member indices for the
/// engine, which only ever needs to know who among this round's members met whom, and when.
/// </summary>
/// <remarks>
/// Where the indices come from is the history's own business: <see cref="PairingHistory"/> looks each id up, while
/// a reader that already knew the members as it read the history can hand over the indices it found then.
/// </remarks>
public interface IPairingHistory : IReadOnlyList<PairingHistoryRound>
{
    /// <summary>
    /// Every round's groups, oldest first, as indices into <paramref name="members"/>; <paramref name="indexOf"/>
    /// gives a member's index by the text of their id. Someone outside the round is a negative entry.
    /// </summary>
    IReadOnlyList<IndexedHistoryRound> IndexBy(IReadOnlyList<PairingMember> members, IReadOnlyDictionary<string, int> indexOf);
}

using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Privacy;

/// <summary>
/// What a member's right to their data needs from the store: everything kept about one member read at once, the same
/// erased in one transaction, and the members who left the platform waiting out their community's retention period.
/// Part of <see cref="Storage.IStore"/>, which a storage provider implements.
/// </summary>
public interface IPrivacyStore
{
    /// <summary>
    /// Every row stored about <paramref name="member"/> in <paramref name="community"/>, read at one point in time, in the
    /// export format's tables; null when nothing about them is stored.
    /// </summary>
    Task<MemberExport?> ExportMemberAsync(CommunityId community, MemberId member, CancellationToken ct);

    /// <summary>
    /// In one transaction: removes everything stored about <paramref name="member"/> and puts <paramref name="placeholder"/>
    /// in their place where other members' history needs someone (past groups and the group's answers, others'
    /// connections, event attendance, events they created), so that afterwards no row of the store holds their id or display
    /// name. Messages to them alone are dropped, delivered or not; messages to others that name them name the placeholder
    /// instead. False when nothing about them was stored.
    /// </summary>
    Task<bool> EraseMemberAsync(CommunityId community, MemberId member, MemberId placeholder, CancellationToken ct);

    /// <summary>Every member of every community who left the platform (<see cref="Member.LeftAt"/> set), oldest departure first.</summary>
    Task<IReadOnlyList<Leaver>> ListLeaversAsync(CancellationToken ct);
}

namespace NetworkBot.Core.Domain;

/// <summary>
/// A community's members: display name, introduction (profile) and coffee enrolment, which every feature reads.
/// Part of <see cref="Storage.IStore"/>, which a storage provider implements.
/// </summary>
public interface IMemberStore
{
    Task<Member?> GetMemberAsync(CommunityId community, MemberId member, CancellationToken ct);

    /// <summary>Members whose display name equals <paramref name="displayName"/>, ignoring case.</summary>
    Task<IReadOnlyList<Member>> FindMembersByNameAsync(CommunityId community, string displayName, CancellationToken ct);

    Task<IReadOnlyList<Member>> ListMembersAsync(CommunityId community, CancellationToken ct);

    /// <summary>The community's members counted, those available counted as of <paramref name="today"/>, without reading them.</summary>
    Task<MemberCounts> CountMembersAsync(CommunityId community, DateOnly today, CancellationToken ct);

    /// <summary>
    /// Inserts or replaces the member (display name, profile, coffee enrolment) and raises its <see cref="Member.Version"/>.
    /// The member's own command is the latest word on their row, so this write does not check the version; the
    /// scheduler's writes derived from an earlier read do (<see cref="Coffee.ICoffeeStore.SaveRoundAsync"/>,
    /// <see cref="Coffee.ICoffeeStore.CloseRoundAsync"/>), so they never undo a pause made meanwhile.
    /// </summary>
    Task SaveMemberAsync(Member member, CancellationToken ct);

    /// <summary>Inserts or replaces many members in one transaction, as <see cref="SaveMemberAsync"/> does one.</summary>
    Task SaveMembersAsync(IReadOnlyList<Member> members, CancellationToken ct);
}

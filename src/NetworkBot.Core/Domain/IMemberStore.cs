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

    /// <summary>Inserts or replaces the member (display name, profile, coffee enrolment).</summary>
    Task SaveMemberAsync(Member member, CancellationToken ct);

    /// <summary>Inserts or replaces many members in one transaction.</summary>
    Task SaveMembersAsync(IReadOnlyList<Member> members, CancellationToken ct);
}

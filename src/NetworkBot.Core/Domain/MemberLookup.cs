using NetworkBot.Core.Privacy;

namespace NetworkBot.Core.Domain;

/// <summary>
/// Reads the few members a member's own action concerns (the others in their group, those an RSVP may notify) one by
/// one, instead of the whole community: that read grew with every member and made answers slow in large communities.
/// </summary>
public static class MemberLookup
{
    /// <summary>The members among <paramref name="ids"/> that exist, by id.</summary>
    public static async Task<IReadOnlyDictionary<MemberId, Member>> ByIdsAsync(
        this IMemberStore store, CommunityId community, IEnumerable<MemberId> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(ids);
        var members = new Dictionary<MemberId, Member>();
        foreach (var id in ids.Distinct())
        {
            if (await store.GetMemberAsync(community, id, ct).ConfigureAwait(false) is { } member)
            {
                members[id] = member;
            }
        }

        return members;
    }

    /// <summary>The display names of <paramref name="ids"/> in order, each as <see cref="NameOf"/> names it.</summary>
    public static async Task<IReadOnlyList<string>> NamesAsync(
        this IMemberStore store, CommunityId community, IEnumerable<MemberId> ids, Language language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.ToList();
        var members = await store.ByIdsAsync(community, wanted, ct).ConfigureAwait(false);
        return [.. wanted.Select(id => members.NameOf(id, language))];
    }

    /// <summary>
    /// How a member's id is shown in others' history: the display name of a stored member; "a former member" for the
    /// placeholder an erased member left (<see cref="ErasedMember"/>), never its raw id; the id of anyone else no longer stored.
    /// </summary>
    public static string NameOf(this IReadOnlyDictionary<MemberId, Member> members, MemberId id, Language language)
    {
        ArgumentNullException.ThrowIfNull(members);
        return NameOf(id, members.TryGetValue(id, out var member) ? member.DisplayName : null, language);
    }

    /// <summary>As <see cref="NameOf(IReadOnlyDictionary{MemberId, Member}, MemberId, Language)"/>, from the name already read (null: not stored).</summary>
    public static string NameOf(MemberId id, string? storedName, Language language) =>
        storedName ?? (ErasedMember.Is(id) ? PrivacyTexts.FormerMember.Get(language) : id.Value);
}

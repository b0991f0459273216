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

    /// <summary>The display names of <paramref name="ids"/>; one no longer stored is named by its id.</summary>
    public static async Task<IReadOnlyList<string>> NamesAsync(
        this IMemberStore store, CommunityId community, IEnumerable<MemberId> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.ToList();
        var members = await store.ByIdsAsync(community, wanted, ct).ConfigureAwait(false);
        return [.. wanted.Select(id => members.TryGetValue(id, out var member) ? member.DisplayName : id.Value)];
    }
}

using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Introductions;

/// <summary>
/// Ranks members for a request written in Japanese or English by what they offer, their role, industry and interests.
/// Pure: the caller passes the members it may ask (not the asker, nobody blocked, only those open to intros).
/// </summary>
public interface IAskMatcher
{
    /// <summary>The members who answer <paramref name="request"/>, best first, at most <paramref name="take"/>; none that match nothing.</summary>
    IReadOnlyList<AskMatch> Rank(string request, IReadOnlyList<Member> members, int take);

    /// <summary>The asks among <paramref name="asks"/> that <paramref name="offer"/> answers well enough to propose its member, best first.</summary>
    IReadOnlyList<Ask> AnsweredBy(string offer, IReadOnlyList<Ask> asks);
}

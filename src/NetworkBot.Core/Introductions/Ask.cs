using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;

namespace NetworkBot.Core.Introductions;

/// <summary>
/// A member's request to be introduced to someone who can help (<c>/ask</c>), and everything that follows from it: the
/// candidates asked one at a time, the introduction when one says yes, and the follow-up a week later.
/// </summary>
public sealed record Ask(
    CommunityId Community,
    AskId Id,
    MemberId Asker,
    string Request,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    AskStatus Status,
    IReadOnlyList<AskCandidate> Candidates)
{
    /// <summary>As the member wrote it, never holding the bot's markup (<see cref="UserText"/>).</summary>
    public string Request { get; init => field = UserText.Literal(value); } = UserText.Literal(Request);

    /// <summary>The candidate who said yes, once introduced.</summary>
    public MemberId? IntroducedTo { get; init; }

    public DateTimeOffset? IntroducedAt { get; init; }

    /// <summary>When both were asked whether they connected.</summary>
    public DateTimeOffset? FollowedUpAt { get; init; }

    /// <summary>When one of them answered the follow-up with yes, which recorded their connection.</summary>
    public DateTimeOffset? ConnectedAt { get; init; }

    /// <summary>
    /// When the ask next needs the scheduler (the asked candidate's time is up, the ask expires, the follow-up is due);
    /// null when nothing more will happen. Stored so due asks are found by an index.
    /// </summary>
    public DateTimeOffset? NextStepAt { get; init; }

    /// <summary>The stored row's version as read (0 for an ask never stored); raised by every write.</summary>
    public int Version { get; init; }
}

using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Coffee;

/// <summary>The members one round put together, and whether they said they met.</summary>
public sealed record Group(RoundId Round, GroupId Id, IReadOnlyList<MemberId> Members, MeetingOutcome Outcome)
{
    /// <summary>The stored row's version as read (0 when new); raised by every answer, which succeeds only while it is current.</summary>
    public int Version { get; init; }
}

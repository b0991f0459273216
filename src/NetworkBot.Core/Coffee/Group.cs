using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Coffee;

/// <summary>The members one round put together, and whether they said they met.</summary>
public sealed record Group(RoundId Round, GroupId Id, IReadOnlyList<MemberId> Members, MeetingOutcome Outcome);

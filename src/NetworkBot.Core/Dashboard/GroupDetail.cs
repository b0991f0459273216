using NetworkBot.Core.Coffee;

namespace NetworkBot.Core.Dashboard;

/// <summary>One group of a round: who was in it, what each answered, and the group's outcome.</summary>
public sealed record GroupDetail(GroupId Id, IReadOnlyList<GroupMemberAnswer> Members, MeetingOutcome Outcome);

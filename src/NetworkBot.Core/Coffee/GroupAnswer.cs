using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Coffee;

/// <summary>One member's latest answer to "did you meet?" for their group.</summary>
public sealed record GroupAnswer(GroupId Group, MemberId Member, MeetingOutcome Answer, DateTimeOffset AnsweredAt);

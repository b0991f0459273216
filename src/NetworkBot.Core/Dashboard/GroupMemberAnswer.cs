using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Dashboard;

/// <summary>A member of a round's group and their answer to "did you meet?"; <see cref="Answer"/> is null while they gave none.</summary>
public sealed record GroupMemberAnswer(MemberId Id, string Name, string? Industry, MeetingOutcome? Answer, DateTimeOffset? AnsweredAt);

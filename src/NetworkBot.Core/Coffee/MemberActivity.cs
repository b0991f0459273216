using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Coffee;

/// <summary>
/// One member's coffee history counted by the store (<see cref="ICoffeeStore.ListMemberActivityAsync"/>): the dashboard's
/// members table and network page need these few numbers for every member, and reading every round's groups and
/// answers to find them took seconds on a community of 10,000 members and 100 rounds.
/// </summary>
/// <param name="Member">The member.</param>
/// <param name="LastRound">The newest round (by start, then id) that grouped the member; null when none did.</param>
/// <param name="LastRoundStartedAt">When <paramref name="LastRound"/> started; null when no round grouped the member.</param>
/// <param name="Rounds">The rounds that grouped the member.</param>
/// <param name="Answers">The "did you meet?" answers the member gave, one per group answered for.</param>
/// <param name="Connections">The member's confirmed connections.</param>
public sealed record MemberActivity(
    MemberId Member, RoundId? LastRound, DateTimeOffset? LastRoundStartedAt, int Rounds, int Answers, int Connections);

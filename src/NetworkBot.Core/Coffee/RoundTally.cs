namespace NetworkBot.Core.Coffee;

/// <summary>
/// A round's outcome counted by the store instead of read group by group: the dashboard's overview and rounds page need
/// these numbers for every round, and reading every group member of 100 rounds of thousands of groups to count them is
/// what made those pages slow.
/// </summary>
/// <param name="Round">The round itself.</param>
/// <param name="Groups">Its groups.</param>
/// <param name="MetGroups">Its groups whose outcome is <see cref="MeetingOutcome.Met"/>.</param>
/// <param name="Matched">The distinct members grouped in it.</param>
/// <param name="Met">The members of its met groups, one per group membership.</param>
/// <param name="Answered">The distinct members who answered for one of its groups.</param>
/// <param name="Members">The members who had joined the community by the round's start.</param>
/// <param name="Paused">
/// The members opted in to coffee today who had joined the community by the round's start but are in none of its groups:
/// those who paused or skipped it (the store keeps no history of opting in, so today's choice stands for the past).
/// </param>
/// <param name="MetPairs">The pairs of members in its met groups, counted by the two members' industries as stored.</param>
public sealed record RoundTally(
    Round Round, int Groups, int MetGroups, int Matched, int Met, int Answered, int Members, int Paused, IReadOnlyList<IndustryPairs> MetPairs);

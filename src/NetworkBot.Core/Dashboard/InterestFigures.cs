using NetworkBot.Core.Interests;

namespace NetworkBot.Core.Dashboard;

/// <summary>
/// An open interest group and its size now. The store records when a group was made but not when each member joined it,
/// so growth shows as sizes now against each group's start, never as an invented history.
/// </summary>
public sealed record InterestFigures(InterestId Id, string Name, DateTimeOffset CreatedAt, int Members);

namespace NetworkBot.Core.Dashboard;

/// <summary>One number of the overview and how it moved over the last rounds (oldest first), so a manager sees the direction, not only the level.</summary>
public sealed record Figure(double Value, IReadOnlyList<TrendPoint> Trend);

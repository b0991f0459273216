namespace NetworkBot.Core.Dashboard;

/// <summary>A round drilled into: its funnel and every group with its answers, in the order the round made them.</summary>
public sealed record RoundDetail(RoundFigures Figures, IReadOnlyList<GroupDetail> Groups);

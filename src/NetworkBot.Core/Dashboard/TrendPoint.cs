namespace NetworkBot.Core.Dashboard;

/// <summary>A figure's value as it stood for the round that started at <see cref="RoundStart"/>.</summary>
public sealed record TrendPoint(DateTimeOffset RoundStart, double Value);

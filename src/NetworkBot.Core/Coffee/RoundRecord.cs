namespace NetworkBot.Core.Coffee;

/// <summary>A stored round with its groups.</summary>
public sealed record RoundRecord(Round Round, IReadOnlyList<Group> Groups);

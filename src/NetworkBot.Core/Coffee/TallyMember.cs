namespace NetworkBot.Core.Coffee;

/// <summary>What <see cref="RoundTallies"/> needs of a member: the industry pairs are counted by, and whether they were due in a round.</summary>
public sealed record TallyMember(string? Industry, bool OptedIn, DateTimeOffset JoinedAt);

namespace NetworkBot.Storage;

/// <summary>What <see cref="RoundTallies"/> needs of a member: the industry pairs are counted by, and whether they were due in a round.</summary>
internal sealed record TallyMember(string? Industry, bool OptedIn, DateTimeOffset JoinedAt);

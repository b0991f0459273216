namespace NetworkBot.Core.Domain;

/// <summary>One coffee round: who was grouped with whom is in its <see cref="Group"/>s.</summary>
public sealed record Round(
    CommunityId Community,
    RoundId Id,
    DateTimeOffset StartedAt,
    int GroupSize,
    PairingMode Mode,
    long Seed);

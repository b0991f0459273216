using NetworkBot.Core.Domain;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Core.Coffee;

/// <summary>
/// When a community's coffee rounds happen and how they group people. <see cref="Recurrence"/> holds the times,
/// local to its IANA zone, so "Mondays 10:00 Asia/Tokyo" stays 10:00 across DST changes elsewhere.
/// <see cref="NoticeSentFor"/> and <see cref="LastRoundFor"/> record which occurrence was already handled,
/// so a restarted scheduler never notifies or matches twice.
/// </summary>
public sealed record CoffeeSchedule(
    CommunityId Community,
    Recurrence Recurrence,
    int GroupSize,
    PairingMode Mode,
    int CooldownRounds,
    string? Channel,
    bool Active)
{
    public DateTimeOffset? NoticeSentFor { get; init; }

    public DateTimeOffset? LastRoundFor { get; init; }

    /// <summary>The stored row's version as read (0 for a schedule never stored); a save succeeds only while it is current.</summary>
    public int Version { get; init; }
}

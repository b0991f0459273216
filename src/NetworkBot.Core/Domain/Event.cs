namespace NetworkBot.Core.Domain;

/// <summary>A meetup, seminar, morning pitch or lunch session. <see cref="TimeZone"/> is the IANA zone it was planned in.</summary>
public sealed record Event(
    CommunityId Community,
    EventId Id,
    string Title,
    string? Description,
    DateTimeOffset Start,
    TimeSpan Duration,
    string TimeZone,
    string? Place,
    int? Capacity,
    bool Cancelled);

namespace NetworkBot.Core.Domain;

/// <summary>A member's answer to an event.</summary>
public sealed record Rsvp(EventId Event, MemberId Member, RsvpStatus Status, DateTimeOffset AnsweredAt);

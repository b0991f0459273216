using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Events;

/// <summary>A member's answer to an event's current occurrence.</summary>
public sealed record Rsvp(EventId Event, MemberId Member, RsvpStatus Status, DateTimeOffset AnsweredAt)
{
    /// <summary>The place in the waitlist (lower comes first) while <see cref="Status"/> is <see cref="RsvpStatus.Waitlisted"/>.</summary>
    public long? WaitlistPosition { get; init; }
}

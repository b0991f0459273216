namespace NetworkBot.Core.Events;

public enum RsvpStatus
{
    Going,
    Maybe,
    NotGoing,

    /// <summary>Wanted to go when the event was full; promoted to <see cref="Going"/> in order when a place frees up.</summary>
    Waitlisted,
}

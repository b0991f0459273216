using System.Security.Cryptography;

namespace NetworkBot.Core.Events;

/// <summary>An event's id: short enough for members to type (<c>/events ics k3v9q2xa</c>).</summary>
public readonly record struct EventId(string Value)
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>Eight characters from an alphabet without look-alikes (40 random bits); the creator checks it is unused in the community.</summary>
    public static EventId New() => new(RandomNumberGenerator.GetString(Alphabet, 8));

    public override string ToString() => Value;
}

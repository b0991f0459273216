using System.Security.Cryptography;

namespace NetworkBot.Core.Introductions;

/// <summary>An ask's id: short enough for its member to type (<c>/ask cancel q7m2xk4a</c>).</summary>
public readonly record struct AskId(string Value)
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>Eight characters from an alphabet without look-alikes (40 random bits); the creator checks it is unused in the community.</summary>
    public static AskId New() => new(RandomNumberGenerator.GetString(Alphabet, 8));

    public override string ToString() => Value;
}

using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Coffee;

/// <summary>How a community's coffee rounds group people.</summary>
public sealed record RoundSettings(int GroupSize, PairingMode Mode, int CooldownRounds)
{
    public static RoundSettings Default { get; } = new(2, PairingMode.Random, 12);
}

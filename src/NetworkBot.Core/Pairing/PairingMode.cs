namespace NetworkBot.Core.Pairing;

/// <summary>What a coffee round optimises for beyond avoiding repeats.</summary>
public enum PairingMode
{
    Random,
    CrossIndustry,
    SharedInterest,
}

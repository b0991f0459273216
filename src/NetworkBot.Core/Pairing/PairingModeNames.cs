namespace NetworkBot.Core.Pairing;

/// <summary>The names of <see cref="PairingMode"/> that users type and the pairing contract uses (<c>cross-industry</c>).</summary>
public static class PairingModeNames
{
    private static readonly Dictionary<string, PairingMode> ByName = new(StringComparer.Ordinal)
    {
        ["random"] = PairingMode.Random,
        ["cross-industry"] = PairingMode.CrossIndustry,
        ["shared-interest"] = PairingMode.SharedInterest,
    };

    public static IReadOnlyList<string> All { get; } = [.. ByName.Keys];

    public static bool TryParse(string name, out PairingMode mode) => ByName.TryGetValue(name, out mode);

    public static string ToName(this PairingMode mode) => ByName.Single(pair => pair.Value == mode).Key;
}

using NetworkBot.Core.Pairing;

namespace NetworkBot.Bench.Generation;

/// <summary>The shape of a synthetic community; the same spec always gives the same members and history.</summary>
internal sealed record CommunitySpec(
    int Members,
    int Rounds = 26,
    int Industries = 30,
    int Interests = 200,
    long Seed = 1,
    PairingMode Mode = PairingMode.CrossIndustry,
    int GroupSize = 2,
    int CooldownRounds = 12)
{
    /// <summary>
    /// A file name that changes whenever the spec or the engine does (the history is the engine's own work), so a
    /// cached input is never stale.
    /// </summary>
    public string FileName =>
        $"pair-n{Members}-r{Rounds}-i{Industries}-t{Interests}-s{Seed}-{Mode.ToString().ToLowerInvariant()}-g{GroupSize}-c{CooldownRounds}" +
        $"-core{EngineBuild}.json";

    /// <summary>The Core assembly's module id: deterministic builds change it exactly when Core's code changes.</summary>
    private static string EngineBuild => typeof(PairingEngine).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];
}

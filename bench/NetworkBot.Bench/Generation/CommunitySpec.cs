using NetworkBot.Core.Domain;

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
    /// <summary>A file name that changes whenever the spec does, so a cached input is never stale.</summary>
    public string FileName =>
        $"pair-n{Members}-r{Rounds}-i{Industries}-t{Interests}-s{Seed}-{Mode.ToString().ToLowerInvariant()}-g{GroupSize}-c{CooldownRounds}.json";
}

using BenchmarkDotNet.Attributes;
using NetworkBot.Bench.Generation;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Bench.Micro;

/// <summary>
/// <see cref="PairingEngine.Match"/> in process on a generated community with 26 rounds of history (cross-industry,
/// pairs, cooldown 12): the engine alone, without JSON or process start. Public and unsealed for BenchmarkDotNet.
/// </summary>
[MemoryDiagnoser]
public class MatchBenchmarks
{
    private readonly PairingEngine engine = new();
    private PairingRequest request = null!;

    [Params(200, 2_000)]
    public int Members { get; set; }

    [GlobalSetup]
    public void Setup() => request = CommunityGenerator.Generate(new CommunitySpec(Members, Seed: 1)).ToRequest();

    [Benchmark]
    public PairingOutcome Match() => engine.Match(request);
}

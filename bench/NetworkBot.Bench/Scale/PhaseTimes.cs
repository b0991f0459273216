using System.Diagnostics;
using NetworkBot.Core.Pairing;
using NetworkBot.Pairing.Json;

namespace NetworkBot.Bench.Scale;

/// <summary>
/// Where a <c>networkbot pair</c> run spends its time, measured in this process over the same public calls the
/// verb makes: read the file, parse the request, match, write the result. Informational: the targets are the
/// child process's numbers.
/// </summary>
internal sealed record PhaseTimes(double ReadSeconds, double ParseSeconds, double MatchSeconds, double WriteSeconds, long AllocatedBytes)
{
    public static PhaseTimes Measure(string input)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var json = File.ReadAllText(input);
        var read = Lap(watch);
        if (!PairingJson.TryReadRequest(json, out var request, out var error))
        {
            throw new InvalidOperationException(error);
        }

        var parse = Lap(watch);
        if (new PairingEngine().Match(request) is not PairingOutcome.Success success)
        {
            throw new InvalidOperationException($"The engine could not pair {input}.");
        }

        var match = Lap(watch);
        _ = PairingJson.WriteResult(success.Result);
        var write = Lap(watch);
        return new PhaseTimes(read, parse, match, write, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }

    private static double Lap(Stopwatch watch)
    {
        var seconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        return seconds;
    }
}

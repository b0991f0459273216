using System.Diagnostics;
using NetworkBot.Core.Pairing;
using NetworkBot.Pairing.Json;

namespace NetworkBot.Bench.Scale;

/// <summary>
/// Where a <c>networkbot pair</c> run spends its time, measured in this process over the same public calls the
/// verb makes: read and parse the request (one step, since the verb parses stdin as it reads it), match, write the
/// result. Informational: the targets are the child process's numbers.
/// </summary>
internal sealed record PhaseTimes(double ReadSeconds, double MatchSeconds, double WriteSeconds, long AllocatedBytes)
{
    public static PhaseTimes Measure(string input)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        PairingRequest? request;
        string? error;
        using (var json = File.OpenRead(input))
        {
            if (!PairingJson.TryReadRequest(json, out request, out error))
            {
                throw new InvalidOperationException(error);
            }
        }

        var read = Lap(watch);
        if (new PairingEngine().Match(request) is not PairingOutcome.Success success)
        {
            throw new InvalidOperationException($"The engine could not pair {input}.");
        }

        var match = Lap(watch);
        _ = PairingJson.WriteResult(success.Result);
        var write = Lap(watch);
        return new PhaseTimes(read, match, write, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }

    private static double Lap(Stopwatch watch)
    {
        var seconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        return seconds;
    }
}

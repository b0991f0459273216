using System.Diagnostics;
using System.Globalization;

namespace NetworkBot.Bench.Footprint;

/// <summary>
/// What a process holds in memory as Linux counts it in <c>/proc/&lt;pid&gt;/status</c>, in MB: the most resident memory
/// (<c>VmRSS</c>) seen over a period, and the high-water mark (<c>VmHWM</c>), the most it ever held since it started.
/// </summary>
internal readonly record struct ProcessMemory(double ResidentMegabytes, double HighWaterMegabytes)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Reads <paramref name="pid"/>'s memory every 100 ms until <paramref name="until"/> completes (nothing is forced:
    /// no collection is asked for); returns the largest <c>VmRSS</c> read and the last <c>VmHWM</c>.
    /// </summary>
    public static async Task<ProcessMemory> SampleAsync(int pid, Task until, CancellationToken ct)
    {
        var most = Read(pid);
        while (!until.IsCompleted)
        {
            await Task.WhenAny(until, Task.Delay(Interval, ct));
            ct.ThrowIfCancellationRequested();
            var now = Read(pid);
            most = new ProcessMemory(Math.Max(most.ResidentMegabytes, now.ResidentMegabytes), now.HighWaterMegabytes);
        }

        return most;
    }

    /// <summary>Resident memory of <paramref name="pid"/> now (both fields from one read of its status).</summary>
    public static ProcessMemory Read(int pid)
    {
        double resident = 0, highWater = 0;
        foreach (var line in File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                resident = Kilobytes(line) / 1024;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                highWater = Kilobytes(line) / 1024;
            }
        }

        return new ProcessMemory(resident, highWater);
    }

    /// <summary>The figure of a <c>VmRSS:   12345 kB</c> line.</summary>
    private static double Kilobytes(string line)
    {
        var value = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        return double.Parse(value[..value.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
    }
}

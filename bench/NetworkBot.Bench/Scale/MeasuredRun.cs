using System.Diagnostics;
using System.Globalization;

namespace NetworkBot.Bench.Scale;

/// <summary>
/// One run of a child process with a file on stdin, timed by GNU time: wall seconds, CPU seconds (user + system,
/// which other load on the machine disturbs less than wall time) and peak RSS.
/// </summary>
internal sealed record MeasuredRun(double WallSeconds, double CpuSeconds, long PeakRssKiB, int ExitCode, string Output, string Error)
{
    public const string GnuTime = "/usr/bin/time";

    public double PeakRssMegabytes => PeakRssKiB * 1024 / 1_000_000.0;

    /// <summary>Runs <c>executable arguments &lt; input</c>; stdout goes to a file, so reading it costs the child nothing.</summary>
    public static MeasuredRun Start(string executable, string arguments, string input)
    {
        if (!File.Exists(GnuTime))
        {
            throw new InvalidOperationException($"{GnuTime} is missing; install GNU time: apt-get install -y time");
        }

        var timing = Path.GetTempFileName();
        var output = Path.GetTempFileName();
        try
        {
            // The shell only wires the files and then becomes GNU time, so the clock covers the child alone.
            var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add($"exec {GnuTime} -f '%e %U %S %M' -o \"$0\" \"$1\" {arguments} < \"$2\" > \"$3\"");
            foreach (var argument in new[] { timing, executable, input, output })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            var fields = File.ReadAllLines(timing).Last(line => line.Length > 0).Split(' ');
            return new MeasuredRun(
                double.Parse(fields[0], CultureInfo.InvariantCulture),
                double.Parse(fields[1], CultureInfo.InvariantCulture) + double.Parse(fields[2], CultureInfo.InvariantCulture),
                long.Parse(fields[3], CultureInfo.InvariantCulture),
                process.ExitCode,
                File.ReadAllText(output),
                error);
        }
        finally
        {
            File.Delete(timing);
            File.Delete(output);
        }
    }
}

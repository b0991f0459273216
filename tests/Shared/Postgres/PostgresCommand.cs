using System.Diagnostics;

namespace NetworkBot.Tests.Postgres;

/// <summary>Runs one of PostgreSQL's programs, as the server's user (through runuser) when one is named.</summary>
internal static class PostgresCommand
{
    public static string? RunUserPath { get; } =
        new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser" }.FirstOrDefault(File.Exists);

    public static ProcessStartInfo StartInfo(string? runAs, string program, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(runAs is null ? program : RunUserPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (runAs is not null)
        {
            foreach (var prefix in new[] { "-u", runAs, "--", program })
            {
                info.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>Runs to the end and returns the exit code with everything written; killed when it outlasts <paramref name="timeout"/>.</summary>
    public static (int ExitCode, string Output) Run(string? runAs, string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        using var process = Process.Start(StartInfo(runAs, program, arguments))!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, $"{Path.GetFileName(program)} did not finish within {timeout.TotalSeconds:0} s");
        }

        return (process.ExitCode, (output.Result + errors.Result).Trim());
    }
}

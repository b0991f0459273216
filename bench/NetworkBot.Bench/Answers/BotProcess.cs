using System.Diagnostics;

namespace NetworkBot.Bench.Answers;

/// <summary>
/// The Release <c>networkbot run</c> in its own process, configured through environment variables as an operator
/// would, pointed at a fake platform; its console log goes to a file in the work folder.
/// </summary>
internal sealed class BotProcess : IDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;
    private readonly Lock gate = new();
    private int errorLines;

    private BotProcess(Process process, StreamWriter log, string logPath)
    {
        this.process = process;
        this.log = log;
        LogPath = logPath;
    }

    public string LogPath { get; }

    /// <summary>How many log lines were errors or critical (<c>fail:</c>, <c>crit:</c>).</summary>
    public int ErrorLines => Volatile.Read(ref errorLines);

    /// <summary>Starts <c>executable run</c> with <paramref name="platform"/>'s settings (environment variables, <c>__</c> for <c>:</c>).</summary>
    public static BotProcess Start(string executable, string workFolder, IReadOnlyDictionary<string, string> platform)
    {
        var start = new ProcessStartInfo(executable, "run")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workFolder,
        };
        foreach (var (key, value) in platform)
        {
            start.Environment[key] = value;
        }

        start.Environment["Storage__ConnectionString"] = $"Data Source={Path.Combine(workFolder, "bench.db")}";
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var logPath = Path.Combine(workFolder, "networkbot.log");
        var bot = new BotProcess(Process.Start(start) ?? throw new InvalidOperationException("networkbot did not start."), new StreamWriter(logPath), logPath);
        bot.process.OutputDataReceived += (_, e) => bot.Write(e.Data);
        bot.process.ErrorDataReceived += (_, e) => bot.Write(e.Data);
        bot.process.BeginOutputReadLine();
        bot.process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Ends the process this benchmark started, by its id, and waits for it.</summary>
    public void Stop()
    {
        if (!process.HasExited)
        {
            process.Kill();
        }

        process.WaitForExit();
    }

    public void Dispose()
    {
        Stop();
        process.Dispose();
        lock (gate)
        {
            log.Dispose();
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref errorLines);
        }

        lock (gate)
        {
            log.WriteLine(line);
        }
    }
}

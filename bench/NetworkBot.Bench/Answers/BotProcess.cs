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

    /// <summary>The SQLite file the bot keeps its data in, in the work folder.</summary>
    public const string DatabaseFileName = "bench.db";

    /// <summary>The process id, to name it in a report.</summary>
    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The CPU time (user and system) the process has used so far, which other load on the machine disturbs less than wall time.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public int ExitCode => process.ExitCode;

    /// <summary>
    /// Starts <c>executable run</c> with <paramref name="platform"/>'s settings (environment variables, <c>__</c> for <c>:</c>;
    /// they may name another database, <c>Storage__Provider</c> and <c>Storage__ConnectionString</c>, than the SQLite file);
    /// a <c>.dll</c> (the Debug build the tests copy) runs under <c>dotnet</c>. The log (<paramref name="logName"/> in the work
    /// folder) is appended to, so restarts share one. <paramref name="verb"/> is another listening verb (<c>dashboard</c>) instead.
    /// </summary>
    public static BotProcess Start(
        string executable, string workFolder, IReadOnlyDictionary<string, string> platform, string logName = "networkbot.log", string verb = "run")
    {
        var start = executable.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new ProcessStartInfo("dotnet", [executable, verb])
            : new ProcessStartInfo(executable, verb);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.WorkingDirectory = workFolder;
        start.Environment["Storage__ConnectionString"] = $"Data Source={Path.Combine(workFolder, DatabaseFileName)}";
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in platform)
        {
            start.Environment[key] = value;
        }
        var logPath = Path.Combine(workFolder, logName);
        var bot = new BotProcess(Process.Start(start) ?? throw new InvalidOperationException("networkbot did not start."), new StreamWriter(logPath, append: true), logPath);
        bot.process.OutputDataReceived += (_, e) => bot.Write(e.Data);
        bot.process.ErrorDataReceived += (_, e) => bot.Write(e.Data);
        bot.process.BeginOutputReadLine();
        bot.process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Asks the process this benchmark started, by its id, to stop gracefully (SIGTERM), as a service manager does.</summary>
    public void Terminate()
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })
                ?? throw new InvalidOperationException("kill did not start.");
            kill.WaitForExit();
        }
    }

    /// <summary>Waits for the process to end; false when <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Ends the process this benchmark started, by its id (SIGKILL), and waits for it.</summary>
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

namespace NetworkBot.Host.Tests.Crash;

/// <summary>
/// One start of the bot in a crash run and how it ended: the REST calls it made (indexes into the fake's log, from
/// inclusive, to exclusive), its exit code, whether it had ended on its own before the signal (it should not), whether
/// it ended within the wait after the signal, and what <c>PRAGMA integrity_check</c> said of the database afterwards.
/// </summary>
public sealed record CrashStop(int Run, int RequestsFrom, int RequestsTo, int ExitCode, bool ExitedBeforeSignal, bool StoppedInTime, string Integrity)
{
    public bool IntegrityOk => Integrity == "ok";
}

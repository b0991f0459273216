namespace NetworkBot.Host.Tests.Crash;

/// <summary>
/// One start of the bot in a crash run and how it ended: which instance it was (1 to the run's instance count; a
/// restart keeps the number), the REST calls made while it ran (indexes into the fake's log, from inclusive, to
/// exclusive; with several instances, theirs and the others'), its exit code, whether it had ended on its own before
/// the signal (it should not), whether it ended within the wait after the signal, and whether the database opened
/// intact afterwards.
/// </summary>
public sealed record CrashStop(int Run, int RequestsFrom, int RequestsTo, int ExitCode, bool ExitedBeforeSignal, bool StoppedInTime, string Integrity)
{
    public bool IntegrityOk => Integrity == "ok";

    public int Instance { get; init; } = 1;

    /// <summary>Whether this is the closing SIGTERM once everything was delivered, rather than one of the run's stops.</summary>
    public bool Final { get; init; }

    /// <summary>How many undelivered outbox messages this instance held claims on when it was signalled; read only when several instances run.</summary>
    public int? ClaimsHeld { get; init; }

    /// <summary>When it had ended, on <see cref="System.Diagnostics.Stopwatch"/>'s clock (the fake's requests carry the same).</summary>
    public long EndedAt { get; init; }
}

namespace NetworkBot.Host.Tests.Crash;

/// <summary>The crash run whose stops are SIGTERM, on a SQLite file.</summary>
public sealed class TerminatedRunFixture() : CrashRunFixture(CrashSignal.Term);

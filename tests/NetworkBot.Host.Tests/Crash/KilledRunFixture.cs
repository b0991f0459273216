namespace NetworkBot.Host.Tests.Crash;

/// <summary>The crash run whose stops are SIGKILL, on a SQLite file.</summary>
public sealed class KilledRunFixture() : CrashRunFixture(CrashSignal.Kill);

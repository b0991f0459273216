namespace NetworkBot.Host.Tests.Crash;

/// <summary>The crash run whose stops are SIGKILL.</summary>
public sealed class KilledRunFixture() : CrashRunFixture(CrashSignal.Kill);

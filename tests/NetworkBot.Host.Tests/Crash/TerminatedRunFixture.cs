namespace NetworkBot.Host.Tests.Crash;

/// <summary>The crash run whose stops are SIGTERM.</summary>
public sealed class TerminatedRunFixture() : CrashRunFixture(CrashSignal.Term);

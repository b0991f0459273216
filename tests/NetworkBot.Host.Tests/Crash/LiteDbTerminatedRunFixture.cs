using NetworkBot.Storage;

namespace NetworkBot.Host.Tests.Crash;

/// <summary>The crash run whose stops are SIGTERM, on a LiteDB file.</summary>
public sealed class LiteDbTerminatedRunFixture() : CrashRunFixture(CrashSignal.Term, provider: StorageOptions.LiteDbProvider);

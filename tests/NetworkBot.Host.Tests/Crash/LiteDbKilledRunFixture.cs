using NetworkBot.Storage;

namespace NetworkBot.Host.Tests.Crash;

/// <summary>The crash run whose stops are SIGKILL, on a LiteDB file.</summary>
public sealed class LiteDbKilledRunFixture() : CrashRunFixture(CrashSignal.Kill, provider: StorageOptions.LiteDbProvider);

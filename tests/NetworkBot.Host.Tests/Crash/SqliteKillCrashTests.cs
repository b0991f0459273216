using Xunit.Abstractions;

namespace NetworkBot.Host.Tests.Crash;

/// <summary>The SIGKILL crash run on SQLite.</summary>
public sealed class SqliteKillCrashTests(KilledRunFixture run, ITestOutputHelper output)
    : KillCrashTests<KilledRunFixture>(run, output), IClassFixture<KilledRunFixture>;

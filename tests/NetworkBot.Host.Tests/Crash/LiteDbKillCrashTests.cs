using Xunit.Abstractions;

namespace NetworkBot.Host.Tests.Crash;

/// <summary>
/// Issue 15: the SIGKILL crash run on LiteDB. The harness never opens the file while the bot runs (see
/// <see cref="CrashStorage.ReadableBesideBots"/>); after every kill it opens the file and its log as the restart will.
/// </summary>
public sealed class LiteDbKillCrashTests(LiteDbKilledRunFixture run, ITestOutputHelper output)
    : KillCrashTests<LiteDbKilledRunFixture>(run, output), IClassFixture<LiteDbKilledRunFixture>;

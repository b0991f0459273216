using Xunit.Abstractions;

namespace NetworkBot.Host.Tests.Crash;

/// <summary>The SIGTERM crash run on SQLite.</summary>
public sealed class SqliteTermCrashTests(TerminatedRunFixture run, ITestOutputHelper output)
    : TermCrashTests<TerminatedRunFixture>(run, output), IClassFixture<TerminatedRunFixture>;

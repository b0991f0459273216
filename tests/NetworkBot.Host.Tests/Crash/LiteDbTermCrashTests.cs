using Xunit.Abstractions;

namespace NetworkBot.Host.Tests.Crash;

/// <summary>Issue 15: the SIGTERM crash run on LiteDB.</summary>
public sealed class LiteDbTermCrashTests(LiteDbTerminatedRunFixture run, ITestOutputHelper output)
    : TermCrashTests<LiteDbTerminatedRunFixture>(run, output), IClassFixture<LiteDbTerminatedRunFixture>;

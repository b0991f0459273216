namespace NetworkBot.Host.Tests.Crash;

/// <summary>Two instances run a round of 500 pairs and the reminders from start to end; nothing stops them before the closing SIGTERM.</summary>
public sealed class SharedRoundRunFixture() : TwoInstanceRunFixture(CrashSignal.Term, stops: 0, groups: 500);

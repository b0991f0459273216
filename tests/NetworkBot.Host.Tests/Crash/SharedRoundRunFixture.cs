namespace NetworkBot.Host.Tests.Crash;

/// <summary>Two instances run the round and the reminders from start to end; nothing stops them before the closing SIGTERM.</summary>
public sealed class SharedRoundRunFixture() : TwoInstanceRunFixture(CrashSignal.Term, stops: 0);

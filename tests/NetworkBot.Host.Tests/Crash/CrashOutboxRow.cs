namespace NetworkBot.Host.Tests.Crash;

/// <summary>
/// One outbox row as the crash harness reads it: what was decided (community, key, the target's JSON), whether it was
/// delivered, and whether it is still due (a permanent failure is not).
/// </summary>
public sealed record CrashOutboxRow(string Community, string Key, string Target, bool Delivered, bool Due);

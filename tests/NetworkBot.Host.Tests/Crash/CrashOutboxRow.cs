namespace NetworkBot.Host.Tests.Crash;

/// <summary>
/// One outbox row as the crash harness reads it: what was decided (community, key, the target's JSON), whether it was
/// delivered, whether it is still due (a permanent failure is not), and which dispatcher holds a claim on it now
/// (<c>machine/pid/guid</c>; null when none, or when its lease ran out).
/// </summary>
public sealed record CrashOutboxRow(string Community, string Key, string Target, bool Delivered, bool Due, string? ClaimedBy);

namespace NetworkBot.Storage.Tests.Conformance;

/// <summary>What the store remembers of a message's delivery: tries, the last error and the platform's reference.</summary>
public sealed record StoredOutboxRow(long Attempts, string? LastError, string? MessageRef);

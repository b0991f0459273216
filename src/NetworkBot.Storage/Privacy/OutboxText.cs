namespace NetworkBot.Storage.Privacy;

/// <summary>The stored text of one outbox message that can name a member, as every provider keeps it.</summary>
internal sealed record OutboxText(string Target, string Key, string Reply, string? Progress, string? LastError);

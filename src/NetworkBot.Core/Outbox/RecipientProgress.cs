namespace NetworkBot.Core.Outbox;

/// <summary>
/// One recipient's part of a message: <see cref="Reason"/> for <see cref="RecipientStatus.GaveUp"/>, and for
/// <see cref="RecipientStatus.Posting"/> when the post began, which bounds the look-up for it on a retry.
/// </summary>
public sealed record RecipientProgress(RecipientStatus Status, string? Reason = null, DateTimeOffset? PostStartedAt = null);

using System.Text.Json;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Platform;

namespace NetworkBot.Core.Outbox;

/// <summary>
/// What the attempts at one outbox message did so far, stored as JSON in <see cref="OutboxMessage.Progress"/> and saved
/// before and after each platform call that must not be repeated, so a retry, even after a crash, continues where the
/// last attempt stopped: the thread it asked for or made, each member added or sent to or given up on, and when a
/// post whose answer was lost began (a retry looks for that post before sending again).
/// </summary>
public sealed record DeliveryProgress
{
    /// <summary>Progress of an earlier release: <c>thread:</c> and the thread's id.</summary>
    private const string LegacyThreadPrefix = "thread:";

    /// <summary>When the message's one post (to a channel or thread) first began: a retry looks for it since then.</summary>
    public DateTimeOffset? PostStartedAt { get; init; }

    /// <summary>The platform's reference of the one post, once it arrived.</summary>
    public string? Sent { get; init; }

    /// <summary>When the group's thread was asked for, before its id is known: a retry looks for it before making another.</summary>
    public DateTimeOffset? ThreadRequestedAt { get; init; }

    /// <summary>The group's thread, once made.</summary>
    public string? Thread { get; init; }

    /// <summary>Each recipient's part, by member id; a member not listed is still to do.</summary>
    public IReadOnlyDictionary<string, RecipientProgress> Recipients { get; init; } = new Dictionary<string, RecipientProgress>(StringComparer.Ordinal);

    public static DeliveryProgress Read(string? progress)
    {
        if (string.IsNullOrEmpty(progress))
        {
            return new DeliveryProgress();
        }

        return progress.StartsWith(LegacyThreadPrefix, StringComparison.Ordinal)
            ? new DeliveryProgress { Thread = progress[LegacyThreadPrefix.Length..] }
            : JsonSerializer.Deserialize(progress, OutboxJsonContext.Default.DeliveryProgress) ?? new DeliveryProgress();
    }

    public string Write() => JsonSerializer.Serialize(this, OutboxJsonContext.Default.DeliveryProgress);

    public RecipientProgress? Of(MemberId member) => Recipients.GetValueOrDefault(member.Value);

    public DeliveryProgress With(MemberId member, RecipientProgress progress) =>
        this with { Recipients = new Dictionary<string, RecipientProgress>(Recipients, StringComparer.Ordinal) { [member.Value] = progress } };

    /// <summary>
    /// The message's outcome once every member of <paramref name="members"/> was tried: back later while any of them
    /// must be tried again (<paramref name="retry"/>), failed when every one was given up on, else delivered — the
    /// members given up on keep their reason here.
    /// </summary>
    public DeliveryResult Outcome(IReadOnlyList<MemberId> members, DeliveryResult.RetryLater? retry, string? messageRef)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (retry is not null)
        {
            return retry;
        }

        var reasons = members.Select(Of).Where(r => r?.Status == RecipientStatus.GaveUp).Select(r => r!.Reason).ToList();
        return reasons.Count == members.Count
            ? new DeliveryResult.Failed(string.Join("; ", reasons.Distinct(StringComparer.Ordinal)))
            : new DeliveryResult.Delivered(messageRef);
    }
}

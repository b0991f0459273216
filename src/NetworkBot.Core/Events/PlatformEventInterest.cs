using Microsoft.Extensions.Logging;
using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Events;

/// <summary>
/// A member marking an event's platform counterpart "Interested" (a Discord scheduled event) is treated as a
/// "maybe" in NetworkBot:
/// <list type="bullet">
/// <item>Interested: "maybe", only when the member has not answered yet. An answer given in NetworkBot (going,
/// maybe, not going, waitlisted) is never changed by the platform, so "going" is never downgraded.</item>
/// <item>No longer interested: that "maybe" is taken back only while it is still the one the platform made; once
/// the member answers in NetworkBot (even "maybe"), their answer is theirs and stays.</item>
/// </list>
/// The event is found by its reference within the community the platform named, so another community's reference
/// never matches; a cancelled or finished event takes no answers. No message is sent either way.
/// </summary>
public sealed partial class PlatformEventInterest(IEventStore store, TimeProvider time, ILogger<PlatformEventInterest> logger)
{
    /// <summary>True when the member's answer changed.</summary>
    public async Task<bool> ChangedAsync(CommunityId community, string platformRef, MemberId member, bool interested, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(platformRef);
        if (await store.FindEventByPlatformRefAsync(community, platformRef, ct).ConfigureAwait(false) is not { Cancelled: false, Finished: false } ev)
        {
            return false;
        }

        var changed = interested
            ? await store.AddPlatformMaybeAsync(community, ev.Id, member, time.GetUtcNow(), ct).ConfigureAwait(false)
            : await store.RemovePlatformMaybeAsync(community, ev.Id, member, ct).ConfigureAwait(false);
        if (changed)
        {
            Answered(logger, member.Value, ev.Id.Value, community.Value, interested ? "maybe" : "no answer");
        }

        return changed;
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Member {Member} now has {Answer} for event {EventId} of {Community}, from the platform's Interested")]
    private static partial void Answered(ILogger logger, string member, string eventId, string community, string answer);
}

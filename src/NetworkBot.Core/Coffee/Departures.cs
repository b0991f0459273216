using Microsoft.Extensions.Logging;
using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Coffee;

/// <summary>
/// A member who leaves the community on the platform stops being matched: their coffee chats are paused with no end
/// date, and the departure is recorded (<see cref="Member.LeftAt"/>) so their data is erased once the community's
/// retention period has passed (<see cref="Privacy.RetentionScheduler"/>). Until then profile, history and groups stay, so
/// leaving a server by mistake loses nothing: coming back (<see cref="ReturnedAsync"/>, or any command they run) stops
/// the clock, and <c>/coffee join</c> brings them back to the rounds.
/// </summary>
public sealed partial class Departures(IMemberStore store, TimeProvider time, ILogger<Departures> logger)
{
    /// <summary>
    /// Records that a stored member left, pausing their coffee chats if they had joined them, in one write; true when they
    /// had joined and are now paused. A member never stored is left unstored: leaving must not create data.
    /// </summary>
    public async Task<bool> LeftAsync(CommunityId community, MemberId member, CancellationToken ct)
    {
        if (await store.GetMemberAsync(community, member, ct).ConfigureAwait(false) is not { } existing)
        {
            return false;
        }

        var pause = existing.Coffee.Joined && existing.Coffee.PausedUntil != CoffeeEnrollment.PausedIndefinitely;
        if (!pause && existing.LeftAt is not null)
        {
            return false;
        }

        await store.SaveMemberAsync(existing with
        {
            Coffee = pause ? existing.Coffee with { PausedUntil = CoffeeEnrollment.PausedIndefinitely } : existing.Coffee,
            LeftAt = existing.LeftAt ?? time.GetUtcNow(),
        }, ct).ConfigureAwait(false);
        Left(logger, member.Value, community.Value, pause);
        return pause;
    }

    /// <summary>
    /// A member who left is back on the platform (Discord GUILD_MEMBER_ADD, Slack team_join or an undeleted user): their
    /// data no longer waits to be erased. Coffee chats stay paused until they join again. True when a departure was cleared.
    /// </summary>
    public async Task<bool> ReturnedAsync(CommunityId community, MemberId member, CancellationToken ct)
    {
        if (await store.GetMemberAsync(community, member, ct).ConfigureAwait(false) is not { LeftAt: not null } existing)
        {
            return false;
        }

        await store.SaveMemberAsync(existing with { LeftAt = null }, ct).ConfigureAwait(false);
        Returned(logger, member.Value, community.Value);
        return true;
    }

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Member {Member} left {Community}; coffee chats paused: {Paused}")]
    private static partial void Left(ILogger logger, string member, string community, bool paused);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Member {Member} came back to {Community}; their data no longer waits to be erased")]
    private static partial void Returned(ILogger logger, string member, string community);
}

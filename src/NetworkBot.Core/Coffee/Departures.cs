using Microsoft.Extensions.Logging;
using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Coffee;

/// <summary>
/// A member who leaves the community on the platform stops being matched: their coffee chats are paused with no
/// end date. Profile, history and groups stay, so leaving a server by mistake loses nothing, and <c>/coffee join</c>
/// brings them back.
/// </summary>
public sealed partial class Departures(IMemberStore store, ILogger<Departures> logger)
{
    /// <summary>True when the member had joined coffee chats and is now paused.</summary>
    public async Task<bool> LeftAsync(CommunityId community, MemberId member, CancellationToken ct)
    {
        if (await store.GetMemberAsync(community, member, ct).ConfigureAwait(false) is not { Coffee.Joined: true } existing
            || existing.Coffee.PausedUntil == CoffeeEnrollment.PausedIndefinitely)
        {
            return false;
        }

        await store.SaveMemberAsync(existing with { Coffee = existing.Coffee with { PausedUntil = CoffeeEnrollment.PausedIndefinitely } }, ct).ConfigureAwait(false);
        Paused(logger, member.Value, community.Value);
        return true;
    }

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Member {Member} left {Community}; coffee chats paused")]
    private static partial void Paused(ILogger logger, string member, string community);
}

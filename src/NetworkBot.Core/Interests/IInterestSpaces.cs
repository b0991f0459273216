using NetworkBot.Core.Domain;
using NetworkBot.Core.Platform;

namespace NetworkBot.Core.Interests;

/// <summary>
/// Where an interest group lives on a chat platform: on Discord a role and a channel only that role sees, on
/// Slack a channel. One implementation per platform, chosen by <see cref="Platform"/> as <see cref="IChatPlatform"/>
/// is; a platform without one (the local shell) keeps interest groups as NetworkBot data only.
/// Every method reports expected refusals as an <see cref="InterestSpaceResult"/>, never by throwing, because
/// the caller has already changed NetworkBot's data and must still answer the member.
/// <para>
/// Archiving a group does not touch its space: the role, the channel and the conversation in it stay as they
/// are, so nothing members wrote is lost and creating the group again reuses them. A manager who wants the
/// channel gone deletes it on the platform, where that decision belongs.
/// </para>
/// </summary>
public interface IInterestSpaces
{
    /// <summary>The <see cref="CommunityId.Platform"/> prefix this implementation serves, e.g. <c>discord</c>.</summary>
    string Platform { get; }

    /// <summary>
    /// Creates what the interest's space still lacks and returns all its references: parts the interest already
    /// refers to are reused, so restoring an archived group, or trying again after a refusal, makes no duplicates.
    /// On failure the result still carries the parts that were made, to be stored.
    /// </summary>
    Task<InterestSpaceResult> EnsureAsync(Community community, Interest interest, CancellationToken ct);

    /// <summary>Lets the member into the space (gives the role). Doing it twice is harmless.</summary>
    Task<InterestSpaceResult> AddMemberAsync(Community community, Interest interest, MemberId member, CancellationToken ct);

    /// <summary>Takes the member out of the space (removes the role). Doing it twice is harmless.</summary>
    Task<InterestSpaceResult> RemoveMemberAsync(Community community, Interest interest, MemberId member, CancellationToken ct);
}

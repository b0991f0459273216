using NetworkBot.Core.Domain;
using NetworkBot.Core.Interests;

namespace NetworkBot.Core.Events;

/// <summary>
/// An event's counterpart on a chat platform, such as a Discord scheduled event, so members see it in the
/// platform's own event list. One implementation per platform, chosen by <see cref="Platform"/> as
/// <see cref="IInterestSpaces"/> is; a platform without one (the local shell, Slack) keeps events as NetworkBot data only.
/// Every method reports expected refusals as a <see cref="PlatformEventResult"/>, never by throwing: the event
/// is already saved in NetworkBot and stays as it is.
/// </summary>
public interface IPlatformEvents
{
    /// <summary>The <see cref="CommunityId.Platform"/> prefix this implementation serves, e.g. <c>discord</c>.</summary>
    string Platform { get; }

    /// <summary>
    /// Makes the event's counterpart, or brings the one <see cref="Event.PlatformRef"/> names up to date (title, time,
    /// place, description); returns its reference, which is new when the old counterpart was gone and one was made again.
    /// </summary>
    Task<PlatformEventResult> PublishAsync(Community community, Event ev, CancellationToken ct);

    /// <summary>Marks the counterpart cancelled. An event without one, or whose counterpart is gone already, is done.</summary>
    Task<PlatformEventResult> CancelAsync(Community community, Event ev, CancellationToken ct);
}

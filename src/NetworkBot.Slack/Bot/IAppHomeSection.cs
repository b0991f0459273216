using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;

namespace NetworkBot.Slack.Bot;

/// <summary>
/// More of the App Home, below the member's introduction, coffee chats and interest groups, such as the
/// community's next events (<see cref="UpcomingEventsSection"/>); each registers with <c>TryAddEnumerable</c>.
/// </summary>
public interface IAppHomeSection
{
    Task<AppHomeSection> BuildAsync(Member member, Language language, CancellationToken ct);
}

/// <summary>What a section adds to the App Home: fields to show and buttons to act on them.</summary>
public sealed record AppHomeSection(IReadOnlyList<ReplyField> Fields, IReadOnlyList<ReplyButton> Buttons);

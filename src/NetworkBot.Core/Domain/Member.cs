using NetworkBot.Core.Coffee;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Replies;

namespace NetworkBot.Core.Domain;

/// <summary>A person in one community. The same person in two communities is two members.</summary>
public sealed record Member(
    CommunityId Community,
    MemberId Id,
    string DisplayName,
    Profile Profile,
    CoffeeEnrollment Coffee,
    DateTimeOffset JoinedAt)
{
    /// <summary>As the platform or the member gave it, never holding the bot's markup (<see cref="UserText"/>).</summary>
    public string DisplayName { get; init => field = UserText.Literal(value); } = UserText.Literal(DisplayName);

    /// <summary>The stored row's version as read (0 for a member never stored); raised by every write of the member.</summary>
    public int Version { get; init; }

    /// <summary>
    /// When the member left the server or workspace; null while they belong to it. Their data is erased once their
    /// community's <see cref="CommunitySettings.RetentionDays"/> have passed since.
    /// </summary>
    public DateTimeOffset? LeftAt { get; init; }
}

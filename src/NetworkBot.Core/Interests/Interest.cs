using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;

namespace NetworkBot.Core.Interests;

/// <summary>An interest group; on Discord bound to a role and channel, on Slack to a channel.</summary>
public sealed record Interest(
    CommunityId Community,
    InterestId Id,
    string Name,
    string? Description,
    bool Archived,
    string? RoleRef,
    string? ChannelRef,
    DateTimeOffset CreatedAt)
{
    /// <summary>As a manager wrote it, never holding the bot's markup (<see cref="UserText"/>).</summary>
    public string Name { get; init => field = UserText.Literal(value); } = UserText.Literal(Name);

    /// <summary>As a manager wrote it, never holding the bot's markup (<see cref="UserText"/>).</summary>
    public string? Description { get; init => field = UserText.Literal(value); } = UserText.Literal(Description);

    /// <summary>
    /// The space on the platform is being made by an outbox intent (<see cref="MessageTargetKind.InterestSpaceSetup"/>):
    /// members' role changes wait until it has recorded <see cref="RoleRef"/> and <see cref="ChannelRef"/>.
    /// </summary>
    public bool SpacePending { get; init; }
}

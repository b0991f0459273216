using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Privacy;

namespace NetworkBot.Core.Outbox;

/// <summary>
/// Where an outgoing message goes: a channel, one member privately, or a private group of members; or, for
/// <see cref="MessageTargetKind.InterestSpace"/>, the member whose place in <see cref="Interest"/>'s space is synced; or, for the
/// intents <see cref="MessageTargetKind.InterestSpaceSetup"/> and <see cref="MessageTargetKind.PlatformEvent"/>, the platform object to make.
/// </summary>
public sealed record MessageTarget(MessageTargetKind Kind, string? Channel, IReadOnlyList<MemberId> Members)
{
    /// <summary>The interest group's id, for <see cref="MessageTargetKind.InterestSpace"/> and <see cref="MessageTargetKind.InterestSpaceSetup"/> only.</summary>
    public string? Interest { get; init; }

    /// <summary>The event's id, for <see cref="MessageTargetKind.PlatformEvent"/> only.</summary>
    public string? Event { get; init; }

    /// <summary>
    /// For <see cref="MessageTargetKind.Group"/>: the outbox key of an earlier message to the same members whose conversation
    /// this one continues (an introduction's follow-up), so a platform that made a place for the earlier one (a Discord
    /// thread) posts there, and one that reached them by DM does so again, instead of opening a second conversation.
    /// </summary>
    public string? Continues { get; init; }

    public static MessageTarget ToChannel(string channel) => new(MessageTargetKind.Channel, channel, []);

    public static MessageTarget ToMember(MemberId member) => new(MessageTargetKind.Member, null, [member]);

    /// <summary>
    /// The <paramref name="members"/> who can receive a message: the placeholder an erased member left in a group still under
    /// way (<see cref="ErasedMember"/>) is no one to deliver to, so a later check-in reaches the others only.
    /// </summary>
    public static MessageTarget ToGroup(string? parentChannel, IReadOnlyList<MemberId> members) =>
        new(MessageTargetKind.Group, parentChannel, members.Any(ErasedMember.Is) ? [.. members.Where(m => !ErasedMember.Is(m))] : members);

    public static MessageTarget ToInterestSpace(InterestId interest, MemberId member) =>
        new(MessageTargetKind.InterestSpace, null, [member]) { Interest = interest.Value };

    /// <summary>Makes the interest group's space; <paramref name="manager"/> hears when it is ready or refused.</summary>
    public static MessageTarget ToInterestSpaceSetup(InterestId interest, MemberId manager) =>
        new(MessageTargetKind.InterestSpaceSetup, null, [manager]) { Interest = interest.Value };

    public static MessageTarget ToPlatformEvent(EventId ev) =>
        new(MessageTargetKind.PlatformEvent, null, []) { Event = ev.Value };
}

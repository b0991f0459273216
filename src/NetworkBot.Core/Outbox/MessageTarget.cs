using NetworkBot.Core.Domain;
using NetworkBot.Core.Interests;

namespace NetworkBot.Core.Outbox;

/// <summary>
/// Where an outgoing message goes: a channel, one member privately, or a private group of members; or, for
/// <see cref="MessageTargetKind.InterestSpace"/>, the member whose place in <see cref="Interest"/>'s space is synced.
/// </summary>
public sealed record MessageTarget(MessageTargetKind Kind, string? Channel, IReadOnlyList<MemberId> Members)
{
    /// <summary>The interest group's id, for <see cref="MessageTargetKind.InterestSpace"/> only.</summary>
    public string? Interest { get; init; }

    public static MessageTarget ToChannel(string channel) => new(MessageTargetKind.Channel, channel, []);

    public static MessageTarget ToMember(MemberId member) => new(MessageTargetKind.Member, null, [member]);

    public static MessageTarget ToGroup(string? parentChannel, IReadOnlyList<MemberId> members) =>
        new(MessageTargetKind.Group, parentChannel, members);

    public static MessageTarget ToInterestSpace(InterestId interest, MemberId member) =>
        new(MessageTargetKind.InterestSpace, null, [member]) { Interest = interest.Value };
}

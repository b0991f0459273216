using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Platform;

/// <summary>Where an outgoing message goes: a channel, one member privately, or a private group of members.</summary>
public sealed record MessageTarget(MessageTargetKind Kind, string? Channel, IReadOnlyList<MemberId> Members)
{
    public static MessageTarget ToChannel(string channel) => new(MessageTargetKind.Channel, channel, []);

    public static MessageTarget ToMember(MemberId member) => new(MessageTargetKind.Member, null, [member]);

    public static MessageTarget ToGroup(string? parentChannel, IReadOnlyList<MemberId> members) =>
        new(MessageTargetKind.Group, parentChannel, members);
}

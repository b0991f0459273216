namespace NetworkBot.Core.Outbox;

public enum MessageTargetKind
{
    Channel,
    Member,
    Group,

    /// <summary>
    /// Not a message: the member's place in an interest group's space (role, channel) made to match NetworkBot's
    /// data. It rides the outbox because the platform call can wait on a rate limit and must survive a crash.
    /// </summary>
    InterestSpace,

    /// <summary>
    /// Not a message: the intent to make an interest group's space (role, channel), saved with the group. Delivering it
    /// looks for a space made by an earlier attempt before making one, then records it, so a crash anywhere still ends
    /// with exactly one.
    /// </summary>
    InterestSpaceSetup,

    /// <summary>
    /// Not a message: the intent to bring an event's counterpart on the platform (a Discord scheduled event) in line
    /// with the event as stored, saved in the event's own transaction. Made at most once, as for <see cref="InterestSpaceSetup"/>.
    /// </summary>
    PlatformEvent,
}

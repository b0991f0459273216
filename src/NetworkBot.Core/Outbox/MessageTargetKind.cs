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
}

namespace NetworkBot.Core.Platform;

public enum MessageTargetKind
{
    Channel,
    Member,
    Group,
}

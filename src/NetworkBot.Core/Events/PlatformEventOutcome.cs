namespace NetworkBot.Core.Events;

public enum PlatformEventOutcome
{
    Done,

    /// <summary>The platform refused for lack of a permission (on Discord: Create Events / Manage Events). A manager can fix it.</summary>
    MissingPermission,

    /// <summary>The community is no longer there on the platform, or the platform rejected the event as it is.</summary>
    Refused,

    /// <summary>The platform did not answer or asked to wait (outage, rate limit); the next change tries again.</summary>
    Unavailable,
}

namespace NetworkBot.Core.Interests;

public enum InterestSpaceOutcome
{
    Done,

    /// <summary>The group has no space on the platform (made before spaces existed, or its creation was refused); nothing was changed.</summary>
    NoSpace,

    /// <summary>
    /// The platform refused for lack of a permission, or because the role is at or above the bot's own (Discord
    /// answers both with the same error, so they cannot be told apart). A manager can fix it.
    /// </summary>
    MissingPermissionOrHierarchy,

    /// <summary>The role, channel, member or community is no longer there on the platform.</summary>
    NotFound,

    /// <summary>The platform did not answer or asked to wait (outage, rate limit); trying again later may work.</summary>
    Unavailable,
}

namespace NetworkBot.Host.Tests.Journeys;

/// <summary>Where a member saw something from the bot.</summary>
public enum Place
{
    /// <summary>The answer to what the member just did, whoever else can see it.</summary>
    Answer,

    /// <summary>A direct message to the member alone.</summary>
    Direct,

    /// <summary>A private conversation of a group of members (a Discord thread, a Slack group DM, the shell's group).</summary>
    Group,

    /// <summary>A channel of the community.</summary>
    Channel,

    /// <summary>The member's own page of the app (Slack App Home).</summary>
    Home,
}

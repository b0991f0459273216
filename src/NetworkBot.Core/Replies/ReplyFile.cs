using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Replies;

/// <summary>A text file attached to a reply, such as <c>event.ics</c> (<c>text/calendar</c>).</summary>
public sealed record ReplyFile(string Name, string ContentType, string Content)
{
    /// <summary>
    /// Deliver the file in the member's direct messages, where it stays, rather than beside a private answer that the
    /// platform may not keep (a Discord ephemeral message): a member's data export. Slack puts every file there anyway.
    /// </summary>
    public bool Direct { get; init; }

    /// <summary>
    /// The language of what the platform says around the file (a DM's caption, why it came elsewhere): the member's own,
    /// which the reply was written in; null leaves the platform to the interaction's locale.
    /// </summary>
    public Language? Language { get; init; }
}

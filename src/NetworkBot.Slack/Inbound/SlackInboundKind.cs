namespace NetworkBot.Slack.Inbound;

/// <summary>What Slack delivered: the same three kinds arrive over Socket Mode and over HTTP.</summary>
public enum SlackInboundKind
{
    /// <summary>A slash command; the payload holds the command's fields (<c>command</c>, <c>text</c>, <c>user_id</c>, …).</summary>
    SlashCommand,

    /// <summary>An interaction: <c>block_actions</c>, <c>view_submission</c>, <c>view_closed</c>, <c>shortcut</c>, ….</summary>
    Interactive,

    /// <summary>An Events API callback (<c>type: event_callback</c>); the event itself is under <c>event</c>.</summary>
    Event,
}

namespace NetworkBot.Core.Replies;

/// <summary>
/// What the bot says, independent of any platform. Adapters render it as Discord embeds/components/modals,
/// Slack Block Kit/views, or text in the shell.
/// </summary>
public sealed record Reply(string Text)
{
    public string? Title { get; init; }

    public Visibility Visibility { get; init; } = Visibility.Private;

    public bool IsError { get; init; }

    public IReadOnlyList<ReplyField> Fields { get; init; } = [];

    public IReadOnlyList<ReplyButton> Buttons { get; init; } = [];

    public ReplySelect? Select { get; init; }

    public ReplyForm? Form { get; init; }

    /// <summary>
    /// Answering a button or select: redraw the message it is on (live RSVP counts) instead of answering beside it.
    /// Platforms and callers without such a message show the reply as usual.
    /// </summary>
    public bool ReplacesSource { get; init; }

    public static Reply Error(string text) => new(text) { IsError = true };
}

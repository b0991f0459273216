namespace NetworkBot.Core.Replies;

/// <summary>
/// What the bot says, independent of any platform. Adapters render it as Discord embeds/components/modals,
/// Slack Block Kit/views, or text in the shell.
/// </summary>
/// <remarks>
/// <para>
/// Instants in <see cref="Text"/>, <see cref="Title"/> and field values are written as <see cref="TimeToken"/>s —
/// <c>{t:UNIX:F}</c> (date and time) or <c>{t:UNIX:R}</c> (relative, "in 3 days"), UNIX in whole seconds — so each
/// viewer sees them in their own time zone: Discord renders <c>&lt;t:UNIX:F&gt;</c> / <c>&lt;t:UNIX:R&gt;</c>, Slack
/// <c>&lt;!date^UNIX^{date_long_pretty} {time}|fallback&gt;</c>, the shell the viewer's zone.
/// </para>
/// <para>
/// Text never mentions anyone: renderers show <c>@everyone</c>, <c>@here</c> and <c>&lt;@…&gt;</c> in it as text and
/// allow no pings from it. The only ping a reply may carry is <see cref="MentionRole"/>.
/// </para>
/// </remarks>
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

    /// <summary>The one platform role this message mentions (pings), chosen by a manager; renderers allow no other mention.</summary>
    public string? MentionRole { get; init; }

    /// <summary>A file to attach (an event's <c>.ics</c>).</summary>
    public ReplyFile? File { get; init; }

    public static Reply Error(string text) => new(text) { IsError = true };
}

namespace NetworkBot.Core.Replies;

/// <summary>
/// What the bot says, independent of any platform. Adapters render it as Discord embeds/components/modals,
/// Slack Block Kit/views, or text in the shell.
/// </summary>
/// <remarks>
/// <para>
/// Instants in any text are written as <see cref="TimeToken"/>s so each viewer sees them in their own time zone:
/// Discord renders <c>&lt;t:UNIX:F&gt;</c> / <c>&lt;t:UNIX:R&gt;</c>, Slack <c>&lt;!date^UNIX^…|fallback&gt;</c>, the shell the
/// viewer's zone. Tokens are the only thing a renderer expands, and only the bot can write one (<see cref="UserText"/>):
/// everything else — pitches, names, titles, <c>{t:0:F}</c> typed by a member — is shown as written, escaped for the
/// platform, and fitted to its limits after expansion (<see cref="ReplyText"/>).
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

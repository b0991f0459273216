using NetworkBot.Core.Replies;

namespace NetworkBot.Storage.Serialization;

/// <summary>
/// The stored shape of a <see cref="Reply"/>. Deserializing <see cref="Reply"/> directly with a
/// source-generated context sets every init-only property, absent ones to <c>default</c> — so a row
/// written without <c>fields</c> would come back with <c>Fields == null</c> instead of <c>[]</c>. Here every
/// property but the text is optional, and an absent one keeps <see cref="Reply"/>'s own default.
/// <see cref="Reply.File"/> and <see cref="Reply.ReplacesSource"/> are not kept: they belong to direct answers, never to
/// queued messages.
/// </summary>
internal sealed record StoredReply(
    string Text,
    string? Title,
    Visibility? Visibility,
    bool? IsError,
    IReadOnlyList<ReplyField>? Fields,
    IReadOnlyList<ReplyButton>? Buttons,
    ReplySelect? Select,
    ReplyForm? Form,
    string? MentionRole)
{
    public static StoredReply From(Reply reply) =>
        new(reply.Text, reply.Title, reply.Visibility, reply.IsError, reply.Fields, reply.Buttons, reply.Select, reply.Form, reply.MentionRole);

    public Reply ToReply()
    {
        var reply = new Reply(Text);
        return reply with
        {
            Title = Title ?? reply.Title,
            Visibility = Visibility ?? reply.Visibility,
            IsError = IsError ?? reply.IsError,
            Fields = Fields ?? reply.Fields,
            Buttons = Buttons ?? reply.Buttons,
            Select = Select ?? reply.Select,
            Form = Form ?? reply.Form,
            MentionRole = MentionRole,
        };
    }
}

using System.Globalization;
using System.Text.Json;
using NetworkBot.Core.Replies;
using NetworkBot.Discord.Commands;
using NetworkBot.Discord.Interactions;
using NetworkBot.Discord.Rest;
using NetworkBot.Discord.Rest.Payloads;
using static NetworkBot.Discord.Rendering.Truncation;

namespace NetworkBot.Discord.Rendering;

/// <summary>
/// Renders Core's platform-neutral <see cref="Reply"/> as Discord JSON. Text that is too long is shortened with "…"
/// rather than rejected by Discord; only a component action that cannot be encoded (a bug) throws. Mentions never
/// notify: replies quote what members wrote. Core's time tokens are the only markup the renderer makes; in markdown
/// text everything else is escaped and the length measured after expansion (<see cref="Truncation.Markdown"/>).
/// Classic action rows, because the messages also carry content and embeds.
/// </summary>
public static class DiscordRenderer
{
    public const int MaxContentLength = 2000;
    public const int MaxEmbedTitleLength = 256;
    public const int MaxEmbedDescriptionLength = 4096;
    public const int MaxEmbedFields = 25;
    public const int MaxFieldNameLength = 256;
    public const int MaxFieldValueLength = 1024;
    public const int MaxEmbedTotalLength = 6000;
    public const int MaxActionRows = 5;
    public const int MaxButtonsPerRow = 5;
    public const int MaxButtonLabelLength = 80;
    public const int MaxSelectOptions = 25;
    public const int MaxSelectTextLength = 100;
    public const int MaxPlaceholderLength = 150;
    public const int MaxModalTitleLength = 45;
    public const int MaxModalInputs = 5;
    public const int MaxInputLabelLength = 45;
    public const int MaxTextInputLength = 4000;
    public const int MaxAutocompleteChoices = 25;

    /// <summary>Discord's red, for error embeds.</summary>
    private const int ErrorColor = 0xED4245;

    /// <summary>
    /// The answer to an interaction: a modal when the reply is a form, otherwise a message. <paramref name="guild"/>
    /// is the server its components act in when they are shown outside it (a DM), written into their custom ids.
    /// </summary>
    public static InteractionResponse Render(Reply reply, Snowflake? guild = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply.Form is { Fields.Count: > 0 } form
            ? new(InteractionCallbackType.Modal, RenderModal(form, guild))
            : new(InteractionCallbackType.ChannelMessageWithSource, RenderMessage(reply, guild));
    }

    /// <summary>A message body (interaction reply, follow-up or channel message); a form in the reply is left out.</summary>
    public static InteractionCallbackData RenderMessage(Reply reply, Snowflake? guild = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var mention = MentionedRole(reply) is { } role ? $"<@&{role}>" : null;
        var room = MaxContentLength - (mention is null ? 0 : mention.Length + 1);
        var text = Markdown(reply.Text, room + 1);
        // An error is a red embed, so it reads as one at a glance; other short text is plain content.
        var content = !reply.IsError && text.Length is > 0 && text.Length <= room ? text : null;
        var embed = RenderEmbed(reply, description: content is null && text.Length > 0 ? Markdown(reply.Text, MaxEmbedDescriptionLength) : null);
        var components = RenderComponents(reply, guild);
        return new InteractionCallbackData
        {
            // Discord refuses a message with nothing in it. A mention only pings from the content, never an embed.
            Content = mention is null
                ? content ?? (embed is null && components.Count == 0 ? Ellipsis : null)
                : content is null ? mention : mention + "\n" + content,
            Embeds = embed is null ? null : [embed],
            AllowedMentions = MentionedRole(reply) is { } allowed ? AllowedMentions.None with { Roles = [allowed.ToString()] } : AllowedMentions.None,
            Flags = reply.Visibility == Visibility.Private ? InteractionCallbackData.EphemeralFlag : null,
            Components = components.Count == 0 ? null : components,
        };
    }

    /// <summary>
    /// The rendered reply as a message body for REST (channel messages, DMs, edits of a deferred reply). Flags are
    /// dropped: ephemeral exists only for an interaction's first answer, and a delivered message is meant for
    /// everyone who can see its channel.
    /// </summary>
    public static DiscordMessagePayload RenderPayload(Reply reply, Snowflake? guild = null)
    {
        var rendered = RenderMessage(reply, guild);
        var json = JsonSerializer.SerializeToElement(rendered, RenderingJsonContext.Default.InteractionCallbackData);
        return new DiscordMessagePayload(
            rendered.Content,
            json.TryGetProperty("embeds", out var embeds) ? embeds : null,
            json.TryGetProperty("components", out var components) ? components : null,
            Flags: null,
            AllowedMentions: MentionedRole(reply) is { } role ? new DiscordAllowedMentions(Roles: [role]) : DiscordAllowedMentions.None);
    }

    /// <summary>The role a manager chose to ping, when it is a Discord role id; anything else pings nobody.</summary>
    private static Snowflake? MentionedRole(Reply reply) =>
        Snowflake.TryParse(reply.MentionRole, out var role) ? role : null;

    /// <summary>
    /// A modal: submitting runs <see cref="ReplyForm.SubmitPath"/> with each text input's value as the option it names.
    /// Each input sits in a Label, Discord's current modal layout.
    /// </summary>
    public static InteractionCallbackData RenderModal(ReplyForm form, Snowflake? guild = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new InteractionCallbackData
        {
            CustomId = CustomIds.Encode(CommandInvocation.Of(form.SubmitPath), guild: guild),
            Title = NonEmpty(form.Title, MaxModalTitleLength),
            Components =
            [
                .. form.Fields.DistinctBy(f => f.OptionName, StringComparer.Ordinal).Take(MaxModalInputs).Select(field => new DiscordComponent(ComponentType.Label)
                {
                    Label = NonEmpty(field.Label, MaxInputLabelLength),
                    Component = TextInput(field),
                }),
            ],
        };
    }

    /// <summary>Autocomplete suggestions (at most 25; name and value at most 100 characters).</summary>
    public static InteractionResponse RenderAutocomplete(IEnumerable<SelectChoice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return new(InteractionCallbackType.ApplicationCommandAutocompleteResult, new InteractionCallbackData
        {
            Choices =
            [
                .. choices.Where(c => c.Value.Length is > 0 and <= MaxSelectTextLength)
                    .DistinctBy(c => c.Value, StringComparer.Ordinal)
                    .Take(MaxAutocompleteChoices)
                    .Select(c => new ApplicationCommandChoice(NonEmpty(c.Label, MaxSelectTextLength), c.Value)),
            ],
        });
    }

    private static DiscordComponent TextInput(FormField field)
    {
        if (field.OptionName.Length is 0 or > CustomIds.MaxLength)
        {
            throw new InvalidOperationException($"Form field '{field.OptionName}' cannot be a Discord custom_id (1–{CustomIds.MaxLength} characters).");
        }

        var maxLength = Math.Clamp(field.MaxLength, 1, MaxTextInputLength);
        return new DiscordComponent(ComponentType.TextInput)
        {
            CustomId = field.OptionName,
            Style = field.Multiline ? 2 : 1,
            MaxLength = maxLength,
            Value = string.IsNullOrEmpty(field.Value) ? null : Truncate(field.Value, maxLength),
            Required = field.Required,
        };
    }

    /// <summary>One embed for the title, the fields and text too long for <c>content</c>; null when there is none of them.</summary>
    private static Embed? RenderEmbed(Reply reply, string? description)
    {
        var title = Markdown(reply.Title, MaxEmbedTitleLength) is { Length: > 0 } shown ? shown : null;
        if (title is null && description is null && reply.Fields.Count == 0)
        {
            return null;
        }

        var budget = MaxEmbedTotalLength - (title?.Length ?? 0) - (description?.Length ?? 0);
        var fields = new List<EmbedField>();
        foreach (var field in FieldsWithinCount(reply.Fields))
        {
            var name = NonEmptyMarkdown(field.Name, MaxFieldNameLength);
            var room = Math.Min(MaxFieldValueLength, budget - name.Length);
            if (room < 1)
            {
                break;
            }

            var value = NonEmptyMarkdown(field.Value, room);

            fields.Add(new EmbedField(name, value) { Inline = field.Inline ? true : null });
            budget -= name.Length + value.Length;
        }

        return new Embed
        {
            Title = title,
            Description = description,
            Color = reply.IsError ? ErrorColor : null,
            Fields = fields.Count == 0 ? null : fields,
        };
    }

    /// <summary>At most 25 fields; when there are more, the last says how many were left out.</summary>
    private static IEnumerable<ReplyField> FieldsWithinCount(IReadOnlyList<ReplyField> fields) =>
        fields.Count <= MaxEmbedFields
            ? fields
            : fields.Take(MaxEmbedFields - 1).Append(new ReplyField(Ellipsis, $"+{fields.Count - (MaxEmbedFields - 1)}"));

    /// <summary>The select in its own row first, then buttons five to a row, five rows at most; repeated actions once.</summary>
    private static List<DiscordComponent> RenderComponents(Reply reply, Snowflake? guild)
    {
        var rows = new List<DiscordComponent>();
        if (reply.Select is { Choices.Count: > 0 } select)
        {
            rows.Add(Row([Select(select, guild)]));
        }

        var buttons = reply.Buttons
            .Select(b => (Button: b, CustomId: CustomIds.Encode(b.Action, guild: guild)))
            .DistinctBy(b => b.CustomId, StringComparer.Ordinal)
            .Take((MaxActionRows - rows.Count) * MaxButtonsPerRow)
            .Select(b => new DiscordComponent(ComponentType.Button)
            {
                CustomId = b.CustomId,
                Label = NonEmpty(b.Button.Label, MaxButtonLabelLength),
                Style = ButtonStyleNumber(b.Button.Style),
            });
        rows.AddRange(buttons.Chunk(MaxButtonsPerRow).Select(Row));
        return rows;
    }

    private static DiscordComponent Select(ReplySelect select, Snowflake? guild) => new(ComponentType.StringSelect)
    {
        CustomId = CustomIds.Encode(select.Action, select.OptionName, guild),
        Placeholder = string.IsNullOrEmpty(select.Placeholder) ? null : Truncate(select.Placeholder, MaxPlaceholderLength),
        MinValues = 1,
        MaxValues = 1,
        Options =
        [
            .. select.Choices.DistinctBy(c => c.Value, StringComparer.Ordinal).Take(MaxSelectOptions).Select(c => c.Value.Length is > 0 and <= MaxSelectTextLength
                ? new SelectOption(NonEmpty(c.Label, MaxSelectTextLength), c.Value)
                : throw new InvalidOperationException(
                    $"Select '{select.Action.Path}' offers value '{Truncate(c.Value, 40)}'; Discord needs 1–{MaxSelectTextLength} characters. Pass an id, not a name.")),
        ],
    };

    private static DiscordComponent Row(IReadOnlyList<DiscordComponent> components) =>
        new(ComponentType.ActionRow) { Components = components };

    private static int ButtonStyleNumber(ButtonStyle style) => style switch
    {
        ButtonStyle.Primary => 1,
        ButtonStyle.Success => 3,
        ButtonStyle.Danger => 4,
        _ => 2,
    };
}

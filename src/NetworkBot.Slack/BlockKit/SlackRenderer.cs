using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Texts;
using NetworkBot.Slack.WebApi.Payloads;
using static NetworkBot.Slack.BlockKit.SlackText;

namespace NetworkBot.Slack.BlockKit;

/// <summary>
/// Renders Core's platform-neutral <see cref="Reply"/> as Block Kit. All text of a reply may hold what members wrote,
/// so mrkdwn and the fallback <c>text</c> are escaped (<see cref="SlackText.Escape"/>) and nobody can ping
/// <c>@everyone</c> through the bot; the only control sequences are the dates made from Core's time tokens, which only
/// the bot can write. plain_text objects (labels, titles, input values) are not parsed for mentions by Slack and are
/// kept as written. Every text is measured after its dates are expanded and its entities escaped; text too long for
/// Slack is shortened with "…" rather than refused with <c>invalid_blocks</c>; only an action that cannot be encoded
/// (a bug) throws.
/// </summary>
public static partial class SlackRenderer
{
    public const int MaxMessageBlocks = 50;
    public const int MaxViewBlocks = 100;
    public const int MaxSectionTextLength = 3000;
    public const int MaxSectionFields = 10;
    public const int MaxFieldTextLength = 2000;
    public const int MaxHeaderLength = 150;
    public const int MaxActionsElements = 25;
    public const int MaxButtonTextLength = 75;
    public const int MaxSelectOptions = 100;
    public const int MaxOptionTextLength = 75;
    public const int MaxOptionValueLength = 150;
    public const int MaxPlaceholderLength = 150;
    public const int MaxViewTitleLength = 24;
    public const int MaxInputLabelLength = 2000;
    public const int MaxTextInputLength = 3000;

    /// <summary>Slack cuts <c>text</c> at 40,000 characters; a notification shows far less, so the fallback stays short.</summary>
    public const int MaxFallbackTextLength = 3000;

    /// <summary>Marks an error reply where the eye lands first (header, or else the text).</summary>
    public const string ErrorMark = ":warning: ";

    /// <summary>The <c>block_id</c> of the select's actions block; button blocks are <c>nb-buttons-&lt;n&gt;</c>.</summary>
    public const string SelectBlockId = "nb-select";

    /// <summary>
    /// A message body (channel post, DM, ephemeral, update); a form in the reply is left out. With
    /// <paramref name="slashCommand"/>, commands the text names read as that command's words (<see cref="SlackCommandText"/>).
    /// </summary>
    public static SlackMessage RenderMessage(Reply reply, string? slashCommand = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        reply = ForSlashCommand(reply, slashCommand);
        var blocks = RenderBlocks(reply, MaxMessageBlocks);
        return new SlackMessage(FallbackText(reply), blocks.Count == 0 ? null : blocks);
    }

    /// <summary>An App Home tab (<c>views.publish</c>) showing the reply; <paramref name="slashCommand"/> as for <see cref="RenderMessage"/>.</summary>
    public static JsonObject RenderHome(Reply reply, string? slashCommand = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        reply = ForSlashCommand(reply, slashCommand);
        return new JsonObject { ["type"] = "home", ["blocks"] = RenderBlocks(reply, MaxViewBlocks) };
    }

    /// <summary>
    /// A modal: one input per field, whose <c>block_id</c> and <c>action_id</c> are the option it fills, so
    /// <c>view.state.values[option][option].value</c> is the answer. <c>callback_id</c> names the submit command;
    /// <c>private_metadata</c> carries it with <paramref name="context"/> (where to answer, for example), as options.
    /// </summary>
    public static JsonObject RenderModal(ReplyForm form, Language language, IReadOnlyDictionary<string, string>? context = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var submit = new CommandInvocation(form.SubmitPath, context ?? new Dictionary<string, string>());
        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = SlackActionValues.Encode(CommandInvocation.Of(form.SubmitPath), SlackActionValues.MaxIdLength),
            ["private_metadata"] = SlackActionValues.Encode(submit, SlackActionValues.MaxPrivateMetadataLength),
            ["title"] = PlainText(form.Title, MaxViewTitleLength),
            ["submit"] = PlainText(Messages.SlackFormSubmit.Get(language), MaxViewTitleLength),
            ["close"] = PlainText(Messages.SlackFormClose.Get(language), MaxViewTitleLength),
            ["blocks"] = new JsonArray([.. form.Fields.DistinctBy(f => f.OptionName, StringComparer.Ordinal).Take(MaxViewBlocks).Select(Input)]),
        };
    }

    private static Reply ForSlashCommand(Reply reply, string? slashCommand) => slashCommand is null
        ? reply
        : reply with
        {
            Text = SlackCommandText.Rewrite(reply.Text ?? string.Empty, slashCommand),
            Fields = [.. reply.Fields.Select(f => f with { Value = SlackCommandText.Rewrite(f.Value, slashCommand) })],
        };

    private static JsonArray RenderBlocks(Reply reply, int maxBlocks)
    {
        var lead = new List<JsonNode>();
        var mark = reply.IsError ? ErrorMark : "";
        if (!string.IsNullOrWhiteSpace(reply.Title))
        {
            lead.Add(new JsonObject { ["type"] = "header", ["text"] = PlainText(mark + Truncate(reply.Title, MaxHeaderLength - mark.Length), MaxHeaderLength) });
            mark = "";
        }

        var mention = UserGroupId().IsMatch(reply.MentionRole ?? "") ? $"<!subteam^{reply.MentionRole}> " : "";
        if (!string.IsNullOrEmpty(reply.Text) || mark.Length > 0 || mention.Length > 0)
        {
            lead.Add(Section(mention + mark + Mrkdwn(reply.Text, MaxSectionTextLength - mark.Length - mention.Length)));
        }

        var actions = new List<JsonNode>();
        if (reply.Select is { Choices.Count: > 0 } select)
        {
            actions.Add(new JsonObject { ["type"] = "actions", ["block_id"] = SelectBlockId, ["elements"] = new JsonArray(Select(select)) });
        }

        var buttons = reply.Buttons
            .Select(b => (Button: b, Value: SlackActionValues.Encode(b.Action)))
            .DistinctBy(b => b.Value, StringComparer.Ordinal)
            .Select((b, i) => Button(b.Button, b.Value, i));
        actions.AddRange(buttons.Chunk(MaxActionsElements).Select((row, i) => new JsonObject
        {
            ["type"] = "actions",
            ["block_id"] = $"nb-buttons-{i}",
            ["elements"] = new JsonArray(row),
        }));

        var fields = reply.Fields.Chunk(MaxSectionFields).Select(FieldSection).ToList();
        var room = Math.Max(0, maxBlocks - lead.Count - actions.Count);
        if (fields.Count > room && room > 0)
        {
            // Drop whole field sections, keeping a line that says how many fields are not shown.
            var kept = Math.Max(0, room - 1);
            var hidden = reply.Fields.Count - (kept * MaxSectionFields);
            fields = [.. fields.Take(kept), Context($"{Ellipsis} +{hidden}")];
        }

        return new JsonArray([.. lead, .. fields.Take(room), .. actions.Take(maxBlocks - lead.Count)]);
    }

    /// <summary>A Slack user group id (<c>S0614TZR7</c>): the one mention a manager may choose for an announcement.</summary>
    [GeneratedRegex("^S[A-Z0-9]{2,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserGroupId();

    private static string FallbackText(Reply reply)
    {
        var text = string.IsNullOrWhiteSpace(reply.Title) ? reply.Text : $"{reply.Title}\n{reply.Text}";
        var mark = reply.IsError ? ErrorMark : "";
        var fallback = mark + EscapeWithin(text, MaxFallbackTextLength - mark.Length);
        return string.IsNullOrWhiteSpace(fallback) ? Ellipsis : fallback;
    }

    private static JsonObject Section(string mrkdwn) =>
        new() { ["type"] = "section", ["text"] = MrkdwnObject(mrkdwn) };

    private static JsonObject FieldSection(ReplyField[] fields) => new()
    {
        ["type"] = "section",
        ["fields"] = new JsonArray([.. fields.Select(f => (JsonNode)MrkdwnObject(FieldText(f)))]),
    };

    /// <summary>The name in bold over the value; the name gets at most half the room.</summary>
    private static string FieldText(ReplyField field)
    {
        var name = Mrkdwn(field.Name, MaxFieldTextLength / 2);
        var bold = name.Length == 0 ? "" : $"*{name}*\n";
        var value = Mrkdwn(field.Value, MaxFieldTextLength - bold.Length);
        return bold + (value.Length == 0 ? " " : value);
    }

    private static JsonObject Context(string mrkdwn) =>
        new() { ["type"] = "context", ["elements"] = new JsonArray(MrkdwnObject(mrkdwn)) };

    private static JsonObject Button(ReplyButton button, string value, int index)
    {
        var element = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = SlackActionValues.ButtonActionId(index),
            ["text"] = PlainText(button.Label, MaxButtonTextLength),
            ["value"] = value,
        };
        if (button.Style switch { ButtonStyle.Primary or ButtonStyle.Success => "primary", ButtonStyle.Danger => "danger", _ => null } is { } style)
        {
            element["style"] = style;
        }

        return element;
    }

    private static JsonObject Select(ReplySelect select)
    {
        var element = new JsonObject
        {
            ["type"] = "static_select",
            ["action_id"] = SlackActionValues.EncodeSelect(select.Action, select.OptionName),
            ["options"] = new JsonArray([.. select.Choices.DistinctBy(c => c.Value, StringComparer.Ordinal).Take(MaxSelectOptions).Select(Option)]),
        };
        if (!string.IsNullOrWhiteSpace(select.Placeholder))
        {
            element["placeholder"] = PlainText(select.Placeholder, MaxPlaceholderLength);
        }

        return element;

        JsonNode Option(SelectChoice choice) => choice.Value.Length is > 0 and <= MaxOptionValueLength
            ? new JsonObject { ["text"] = PlainText(choice.Label, MaxOptionTextLength), ["value"] = choice.Value }
            : throw new InvalidOperationException(
                $"Select '{select.Action.Path}' offers value '{Truncate(choice.Value, 40)}'; Slack needs 1–{MaxOptionValueLength} characters. Pass an id, not a name.");
    }

    private static JsonObject Input(FormField field)
    {
        if (field.OptionName.Length is 0 or > SlackActionValues.MaxIdLength)
        {
            throw new InvalidOperationException($"Form field '{field.OptionName}' cannot be a Slack block_id (1–{SlackActionValues.MaxIdLength} characters).");
        }

        var maxLength = Math.Clamp(field.MaxLength, 1, MaxTextInputLength);
        var element = new JsonObject
        {
            ["type"] = "plain_text_input",
            ["action_id"] = field.OptionName,
            ["multiline"] = field.Multiline,
            ["max_length"] = maxLength,
        };
        if (!string.IsNullOrEmpty(field.Value))
        {
            element["initial_value"] = Truncate(field.Value, maxLength);
        }

        return new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = field.OptionName,
            ["optional"] = !field.Required,
            ["label"] = PlainText(field.Label, MaxInputLabelLength),
            ["element"] = element,
        };
    }

    /// <summary>Slack refuses empty plain_text, so an empty one shows "…".</summary>
    private static JsonObject PlainText(string? text, int max) => new()
    {
        ["type"] = "plain_text",
        ["text"] = Truncate(text, max) is { } shown && !string.IsNullOrWhiteSpace(shown) ? shown : Ellipsis,
        ["emoji"] = true,
    };

    private static JsonObject MrkdwnObject(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };
}

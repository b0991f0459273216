using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using NetworkBot.Slack.BlockKit;

namespace NetworkBot.Host.Tests.Journeys;

/// <summary>
/// Reads Block Kit as a member's Slack client shows it: header, section text and fields, context, and the buttons of
/// actions blocks; mrkdwn with its control sequences drawn as the client draws them (a date as its text, a user as
/// <c>@name</c>, a channel as <c>#name</c>) and its entities decoded. A field reads <c>name: value</c>, as on Discord, so
/// the scripts look for the same words on every surface. A select's choices count among the buttons: a member picks one
/// as they press a button.
/// </summary>
internal static partial class SlackBlocks
{
    /// <summary>What <paramref name="shown"/> says and which buttons it has.</summary>
    public static Seen Read(Place where, SlackShown shown, Func<string, string> userName)
    {
        var body = shown.Body;
        var blocks = Blocks(body);
        var text = new List<string>();
        if (body["title"] is JsonObject title && (string?)body["type"] == "modal")
        {
            text.Add(Plain(title));
        }

        foreach (var block in blocks)
        {
            switch ((string?)block["type"])
            {
                case "header":
                    text.Add(Plain(block["text"]));
                    break;
                case "section":
                    if (block["text"] is JsonObject section)
                    {
                        text.Add(Shown(section, userName));
                    }

                    if (block["fields"] is JsonArray sectionFields)
                    {
                        text.AddRange(sectionFields.OfType<JsonObject>().Select(f => Field(Shown(f, userName))));
                    }

                    break;
                case "context":
                    text.AddRange((block["elements"] as JsonArray ?? []).OfType<JsonObject>().Where(e => e["text"] is not null).Select(e => Shown(e, userName)));
                    break;
            }
        }

        if (blocks.Count == 0 && (string?)body["text"] is { } fallback)
        {
            text.Add(Mrkdwn(fallback, userName));
        }

        var buttons = Controls(body).Select(c => c.Label).ToList();
        var fields = blocks.Where(b => (string?)b["type"] == "input").Select(b => (string)b["block_id"]!).ToList();
        return new Seen(where, string.Join('\n', text), buttons, shown)
        {
            Private = shown.Ephemeral,
            Conversation = shown.Channel,
            FormFields = (string?)body["type"] == "modal" ? fields : null,
            IsError = ((string?)body["text"])?.StartsWith(SlackRenderer.ErrorMark, StringComparison.Ordinal) == true,
        };
    }

    /// <summary>
    /// Every button and every choice of a static select, by its label, with the action <c>block_actions</c> reports when the
    /// member presses or picks it: exactly the <c>action_id</c>, <c>block_id</c> and value the bot put on it.
    /// </summary>
    public static IEnumerable<(string Label, JsonObject Action)> Controls(JsonObject body) =>
        from block in Blocks(body)
        where (string?)block["type"] == "actions"
        from element in (block["elements"] as JsonArray ?? []).OfType<JsonObject>()
        from control in Choices(element, (string?)block["block_id"] ?? string.Empty)
        select control;

    private static IEnumerable<(string Label, JsonObject Action)> Choices(JsonObject element, string blockId)
    {
        var type = (string?)element["type"];
        if (type == "button")
        {
            yield return (Plain(element["text"]), new JsonObject
            {
                ["action_id"] = element["action_id"]?.DeepClone(),
                ["block_id"] = blockId,
                ["text"] = element["text"]?.DeepClone(),
                ["value"] = element["value"]?.DeepClone(),
                ["type"] = "button",
            });
        }
        else if (type == "static_select")
        {
            foreach (var option in (element["options"] as JsonArray ?? []).OfType<JsonObject>())
            {
                yield return (Plain(option["text"]), new JsonObject
                {
                    ["action_id"] = element["action_id"]?.DeepClone(),
                    ["block_id"] = blockId,
                    ["type"] = "static_select",
                    ["selected_option"] = option.DeepClone(),
                    ["placeholder"] = element["placeholder"]?.DeepClone(),
                });
            }
        }
    }

    /// <summary>The blocks of a message or view; a form-encoded call carries them as a JSON string.</summary>
    public static List<JsonObject> Blocks(JsonObject body) => body["blocks"] switch
    {
        JsonArray array => [.. array.OfType<JsonObject>()],
        JsonValue value when value.TryGetValue<string>(out var json) => [.. JsonNode.Parse(json)!.AsArray().OfType<JsonObject>()],
        _ => [],
    };

    private static string Plain(JsonNode? text) => (string?)text?["text"] ?? string.Empty;

    private static string Shown(JsonObject text, Func<string, string> userName) =>
        (string?)text["type"] == "mrkdwn" ? Mrkdwn((string?)text["text"] ?? string.Empty, userName) : Plain(text);

    /// <summary>The renderer writes a field as <c>*name*\nvalue</c>.</summary>
    private static string Field(string text) => FieldName().Replace(text, "$1: ", 1);

    private static string Mrkdwn(string mrkdwn, Func<string, string> userName)
    {
        var shown = ControlSequence().Replace(mrkdwn, m => m.Groups["kind"].Value switch
        {
            "!date^" or "!subteam^" when m.Groups["label"].Success => m.Groups["label"].Value,
            "!subteam^" => "@group",
            "!" => "@" + m.Groups["target"].Value,
            "@" => "@" + userName(m.Groups["target"].Value),
            "#" => "#" + (m.Groups["label"].Success ? m.Groups["label"].Value : m.Groups["target"].Value),
            _ => m.Groups["label"].Success ? m.Groups["label"].Value : m.Groups["target"].Value,
        });
        return shown.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
    }

    /// <summary><c>&lt;!date^…|fallback&gt;</c>, <c>&lt;@U1&gt;</c>, <c>&lt;#C1|name&gt;</c>, <c>&lt;!subteam^S1&gt;</c>, <c>&lt;!here&gt;</c>, <c>&lt;url|text&gt;</c>.</summary>
    [GeneratedRegex(@"<(?<kind>!date\^|!subteam\^|!|@|#|)(?<target>[^|>]*)(\|(?<label>[^>]*))?>")]
    private static partial Regex ControlSequence();

    [GeneratedRegex(@"^\*(.+?)\*\n")]
    private static partial Regex FieldName();
}

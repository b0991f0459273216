using System.Text.Json.Nodes;

namespace NetworkBot.Slack.Tests.BlockKit;

/// <summary>
/// Slack's Block Kit limits (python-slack-sdk's validators, PROTOCOLS §8) as a checker over JSON: real payloads pass
/// it, and so must everything the renderer makes. Returns one line per broken rule.
/// </summary>
internal static class BlockKitRules
{
    public static List<string> CheckView(JsonObject view)
    {
        var problems = new List<string>();
        var type = view["type"]?.GetValue<string>();
        if (type == "modal")
        {
            foreach (var key in new[] { "title", "submit", "close" })
            {
                Max(problems, $"view.{key}", view[key]?["text"], 24);
            }

            Max(problems, "view.private_metadata", view["private_metadata"], 3000);
            Max(problems, "view.callback_id", view["callback_id"], 255);
        }

        CheckBlocks(view["blocks"]!.AsArray(), 100, problems);
        return problems;
    }

    public static List<string> CheckMessageBlocks(JsonArray blocks)
    {
        var problems = new List<string>();
        CheckBlocks(blocks, 50, problems);
        return problems;
    }

    private static void CheckBlocks(JsonArray blocks, int maxBlocks, List<string> problems)
    {
        if (blocks.Count > maxBlocks)
        {
            problems.Add($"{blocks.Count} blocks, at most {maxBlocks}");
        }

        foreach (var (block, i) in blocks.Select((b, i) => (b!.AsObject(), i)))
        {
            var where = $"blocks[{i}]";
            Max(problems, $"{where}.block_id", block["block_id"], 255);
            switch (block["type"]?.GetValue<string>())
            {
                case "section":
                    Max(problems, $"{where}.text", block["text"]?["text"], 3000);
                    if (block["fields"] is JsonArray fields)
                    {
                        Count(problems, $"{where}.fields", fields, 10);
                        foreach (var field in fields)
                        {
                            Max(problems, $"{where}.fields[]", field?["text"], 2000);
                        }
                    }

                    if (block["accessory"] is JsonObject accessory)
                    {
                        CheckElement(accessory, $"{where}.accessory", problems);
                    }

                    break;
                case "header":
                    Max(problems, $"{where}.text", block["text"]?["text"], 150);
                    break;
                case "actions":
                    Count(problems, $"{where}.elements", block["elements"]!.AsArray(), 25);
                    foreach (var element in block["elements"]!.AsArray())
                    {
                        CheckElement(element!.AsObject(), $"{where}.elements[]", problems);
                    }

                    break;
                case "input":
                    Max(problems, $"{where}.label", block["label"]?["text"], 2000);
                    CheckElement(block["element"]!.AsObject(), $"{where}.element", problems);
                    break;
                case "context":
                    Count(problems, $"{where}.elements", block["elements"]!.AsArray(), 10);
                    break;
                case "divider" or "image":
                    break;
                case var other:
                    problems.Add($"{where}: unknown block type {other}");
                    break;
            }
        }
    }

    private static void CheckElement(JsonObject element, string where, List<string> problems)
    {
        Max(problems, $"{where}.action_id", element["action_id"], 255);
        Max(problems, $"{where}.placeholder", element["placeholder"]?["text"], 150);
        switch (element["type"]?.GetValue<string>())
        {
            case "button":
                Max(problems, $"{where}.text", element["text"]?["text"], 75);
                Max(problems, $"{where}.value", element["value"], 2000);
                if (element["style"] is { } style && style.GetValue<string>() is not ("primary" or "danger"))
                {
                    problems.Add($"{where}.style: {style}");
                }

                break;
            case "static_select" or "multi_static_select" or "radio_buttons" or "checkboxes" or "overflow":
                if (element["options"] is JsonArray options)
                {
                    Count(problems, $"{where}.options", options, 100);
                    foreach (var option in options)
                    {
                        Max(problems, $"{where}.options[].text", option?["text"]?["text"], 75);
                        Max(problems, $"{where}.options[].value", option?["value"], 150);
                    }
                }

                break;
            case "plain_text_input":
                if (element["max_length"] is { } max && max.GetValue<int>() > 3000)
                {
                    problems.Add($"{where}.max_length {max}");
                }

                break;
        }
    }

    private static void Max(List<string> problems, string where, JsonNode? text, int max)
    {
        if (text is not null && text.GetValue<string>() is { } value && value.Length > max)
        {
            problems.Add($"{where}: {value.Length} characters, at most {max}");
        }
    }

    private static void Count(List<string> problems, string where, JsonArray items, int max)
    {
        if (items.Count > max)
        {
            problems.Add($"{where}: {items.Count} items, at most {max}");
        }
    }
}

using System.Text;
using NetworkBot.Core.Replies;

namespace NetworkBot.Host.Shell;

/// <summary>
/// Renders a neutral <see cref="Reply"/> as readable text. Buttons and select choices become numbered
/// choices, pressed with <c>/press N</c>; forms list their fields and how to fill them.
/// </summary>
public static class ShellRenderer
{
    /// <summary>The text, and the actions in the order they were numbered.</summary>
    public static (string Text, IReadOnlyList<CommandInvocation> Choices) Render(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = new StringBuilder();
        var choices = new List<CommandInvocation>();
        if (reply.Title is { Length: > 0 } title)
        {
            text.AppendLine(CultureInvariant($"== {title} =="));
        }

        if (reply.Text.Length > 0)
        {
            text.AppendLine(reply.IsError ? "✖ " + reply.Text : reply.Text);
        }

        foreach (var field in reply.Fields)
        {
            if (!field.Value.Contains('\n', StringComparison.Ordinal))
            {
                text.AppendLine(CultureInvariant($"  {field.Name}: {field.Value}"));
                continue;
            }

            text.AppendLine(CultureInvariant($"  {field.Name}:"));
            foreach (var line in field.Value.Split('\n'))
            {
                text.AppendLine("    " + line);
            }
        }

        foreach (var button in reply.Buttons)
        {
            choices.Add(button.Action);
            text.AppendLine(CultureInvariant($"  [{choices.Count}] {button.Label}"));
        }

        if (reply.Select is { } select)
        {
            text.AppendLine(CultureInvariant($"  {select.Placeholder}:"));
            foreach (var choice in select.Choices)
            {
                var options = new Dictionary<string, string>(select.Action.Options, StringComparer.Ordinal) { [select.OptionName] = choice.Value };
                choices.Add(select.Action with { Options = options });
                text.AppendLine(CultureInvariant($"  [{choices.Count}] {choice.Label}"));
            }
        }

        if (reply.Form is { } form)
        {
            foreach (var field in form.Fields)
            {
                text.AppendLine(CultureInvariant($"  {field.Label} ({field.OptionName}): {(string.IsNullOrEmpty(field.Value) ? "—" : field.Value)}"));
            }

            var example = string.Join(' ', form.Fields.Take(2).Select(f => $"{f.OptionName}:\"…\""));
            text.AppendLine(CultureInvariant($"  → /{form.SubmitPath} {example}"));
        }

        if (choices.Count > 0)
        {
            text.AppendLine("  (/press N)");
        }

        return (text.ToString().TrimEnd(), choices);
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}

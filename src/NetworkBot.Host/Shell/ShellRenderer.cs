using System.Text;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Storage;
using NodaTime;

namespace NetworkBot.Host.Shell;

/// <summary>
/// Renders a neutral <see cref="Reply"/> as readable text. Buttons and select choices become numbered
/// choices, pressed with <c>/press N</c>; forms list their fields and how to fill them. Instants
/// (<see cref="TimeToken"/>s) are shown in the viewer's zone, the only expansion: everything else, what members wrote
/// included, is printed as it is; an attached file is printed after the reply.
/// </summary>
public static class ShellRenderer
{
    /// <summary>The text, and the actions in the order they were numbered.</summary>
    public static (string Text, IReadOnlyList<CommandInvocation> Choices) Render(Reply reply, DateTimeZone zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reply);
        string Times(string value) => TimeToken.InZone(value, zone, now);
        var text = new StringBuilder();
        var choices = new List<CommandInvocation>();
        if (reply.MentionRole is { } role)
        {
            text.AppendLine("@" + role);
        }

        if (reply.Title is { Length: > 0 } title)
        {
            text.AppendLine(CultureInvariant($"== {Times(title)} =="));
        }

        if (reply.Text.Length > 0)
        {
            text.AppendLine(Times(reply.IsError ? "✖ " + reply.Text : reply.Text));
        }

        foreach (var field in reply.Fields.Select(f => f with { Name = Times(f.Name), Value = Times(f.Value) }))
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
            text.AppendLine(CultureInvariant($"  [{choices.Count}] {Times(button.Label)}"));
        }

        if (reply.Select is { } select)
        {
            text.AppendLine(CultureInvariant($"  {Times(select.Placeholder)}:"));
            foreach (var choice in select.Choices)
            {
                var options = new Dictionary<string, string>(select.Action.Options, StringComparer.Ordinal) { [select.OptionName] = choice.Value };
                choices.Add(select.Action with { Options = options });
                text.AppendLine(CultureInvariant($"  [{choices.Count}] {Times(choice.Label)}"));
            }
        }

        if (reply.Form is { } form)
        {
            foreach (var field in form.Fields)
            {
                text.AppendLine(CultureInvariant($"  {Times(field.Label)} ({field.OptionName}): {(string.IsNullOrEmpty(field.Value) ? "—" : Times(field.Value))}"));
            }

            var example = string.Join(' ', form.Fields.Take(2).Select(f => $"{f.OptionName}:\"…\""));
            text.AppendLine(CultureInvariant($"  → /{form.SubmitPath} {example}"));
        }

        if (choices.Count > 0)
        {
            text.AppendLine("  (/press N)");
        }

        if (reply.File is { } file)
        {
            text.AppendLine(CultureInvariant($"  📎 {file.Name} ({file.ContentType}):"));
            text.Append(file.Content.Replace("\r\n", "\n", StringComparison.Ordinal));
        }

        return (text.ToString().TrimEnd(), choices);
    }

    /// <summary>Where a viewer reads times: the member's own zone, else the community's, else UTC.</summary>
    public static async Task<DateTimeZone> ZoneOfAsync(IStore store, CommunityId community, MemberId? member, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var own = member is { } id ? (await store.GetMemberAsync(community, id, ct).ConfigureAwait(false))?.Profile.TimeZone : null;
        var zone = own ?? (await store.GetCommunityAsync(community, ct).ConfigureAwait(false))?.Settings.TimeZone;
        return (zone is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone)) ?? DateTimeZone.Utc;
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}

using System.Text.RegularExpressions;
using NetworkBot.Core.Commands;

namespace NetworkBot.Slack.BlockKit;

/// <summary>
/// Core names commands as Discord and the shell spell them (<c>`/coffee join`</c>); on Slack every command is a
/// word after the app's one slash command, so <c>/coffee join</c> reads <c>/network coffee join</c> there.
/// </summary>
public static class SlackCommandText
{
    private static readonly Regex CommandName = new(
        $@"(?<=^|[\s`(「（])/({string.Join('|', CommandTable.All.Select(c => Regex.Escape(c.Segments[0])).Distinct(StringComparer.Ordinal))})(?=$|[\s`).,:;!?、。」）])",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary><paramref name="text"/> with each command name behind <paramref name="slashCommand"/> (<c>/network</c>).</summary>
    public static string Rewrite(string text, string slashCommand)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CommandName.Replace(text, m => $"{slashCommand} {m.Groups[1].Value}");
    }
}

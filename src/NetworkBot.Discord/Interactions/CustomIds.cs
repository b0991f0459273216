using System.Diagnostics.CodeAnalysis;
using System.Text;
using NetworkBot.Core.Replies;
using NetworkBot.Discord.Rest;

namespace NetworkBot.Discord.Interactions;

/// <summary>
/// Encodes what a button, select or modal does into its Discord <c>custom_id</c> and back, so no state is kept
/// between showing a component and its click: <c>nb1|coffee met|group=g7|answer=yes</c>. A select adds the
/// option its chosen value fills: <c>nb1s|answer|coffee met|group=g7</c>. <c>\</c> escapes <c>|</c>, <c>=</c>, <c>@</c> and itself.
/// <para>
/// A component delivered outside its server (a DM, where Discord sends no <c>guild_id</c> back) also names the server
/// it was made for, right after the header: <c>nb1|@81384788765712384|coffee met|group=g7</c>. That only says where to
/// look; the command still checks who pressed it.
/// </para>
/// </summary>
public static class CustomIds
{
    /// <summary>Discord's limit for <c>custom_id</c>.</summary>
    public const int MaxLength = 100;

    private const string ButtonHeader = "nb1";
    private const string SelectHeader = "nb1s";
    private const char Separator = '|';
    private const char Assign = '=';
    private const char Escape = '\\';
    private const char GuildMark = '@';

    /// <summary>
    /// The custom id of <paramref name="invocation"/>; with <paramref name="selectOption"/> for a select, whose chosen
    /// value becomes that option, and with <paramref name="guild"/> when it is delivered outside that server. Throws
    /// when it is longer than 100 characters: the bot built a component whose action cannot round-trip, which is a
    /// bug to fix in the command, not a user error.
    /// </summary>
    public static string Encode(CommandInvocation invocation, string? selectOption = null, Snowflake? guild = null)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var id = new StringBuilder(selectOption is null ? ButtonHeader : SelectHeader);
        if (selectOption is not null)
        {
            id.Append(Separator).Append(EscapeText(selectOption));
        }

        if (guild is { } server)
        {
            id.Append(Separator).Append(GuildMark).Append(server.ToString());
        }

        id.Append(Separator).Append(EscapeText(invocation.Path));
        foreach (var (name, value) in invocation.Options)
        {
            id.Append(Separator).Append(EscapeText(name)).Append(Assign).Append(EscapeText(value));
        }

        return id.Length <= MaxLength
            ? id.ToString()
            : throw new InvalidOperationException(
                $"The component action '{invocation.Path}' needs a custom_id of {id.Length} characters; Discord allows {MaxLength}. " +
                "Shorten its option values (pass an id, not a name).");
    }

    /// <summary>Reads a custom id written by <see cref="Encode"/>; false for anyone else's or a damaged one.</summary>
    public static bool TryDecode(string? customId, [NotNullWhen(true)] out CommandInvocation? invocation, out string? selectOption) =>
        TryDecode(customId, out invocation, out selectOption, out _);

    /// <summary>Reads a custom id written by <see cref="Encode"/>, with the server it names (null when it names none).</summary>
    public static bool TryDecode(
        string? customId, [NotNullWhen(true)] out CommandInvocation? invocation, out string? selectOption, out Snowflake? guild)
    {
        invocation = null;
        selectOption = null;
        guild = null;
        if (string.IsNullOrEmpty(customId) || customId.Length > MaxLength || !TrySplit(customId, Separator, out var segments))
        {
            return false;
        }

        var first = segments[0] switch
        {
            ButtonHeader => 1,
            SelectHeader => 2,
            _ => -1,
        };
        if (first < 0 || segments.Count <= first)
        {
            return false;
        }

        if (segments[first].StartsWith(GuildMark))
        {
            if (!Snowflake.TryParse(segments[first][1..], out var server) || segments.Count <= ++first)
            {
                return false;
            }

            guild = server;
        }

        var path = Unescape(segments[first]);
        if (path.Length == 0)
        {
            return false;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var segment in segments.Skip(first + 1))
        {
            if (!TrySplit(segment, Assign, out var pair) || pair.Count != 2 || !options.TryAdd(Unescape(pair[0]), Unescape(pair[1])))
            {
                return false;
            }
        }

        selectOption = segments[0] == SelectHeader ? Unescape(segments[1]) : null;
        invocation = new CommandInvocation(path, options);
        return true;
    }

    /// <summary>Escapes the separators, and <c>@</c> so that only the server segment ever starts with it.</summary>
    private static string EscapeText(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("|", @"\|", StringComparison.Ordinal)
            .Replace("=", @"\=", StringComparison.Ordinal)
            .Replace("@", @"\@", StringComparison.Ordinal);

    private static string Unescape(string text)
    {
        var plain = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            plain.Append(text[i] == Escape ? text[++i] : text[i]);
        }

        return plain.ToString();
    }

    /// <summary>Splits at unescaped <paramref name="separator"/>s, keeping escapes; false when the text ends in a lone escape.</summary>
    private static bool TrySplit(string text, char separator, out List<string> parts)
    {
        parts = [];
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == Escape)
            {
                if (++i == text.Length)
                {
                    return false;
                }
            }
            else if (text[i] == separator)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return true;
    }
}

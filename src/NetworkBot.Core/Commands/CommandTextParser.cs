using System.Text;
using System.Text.RegularExpressions;
using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Commands;

/// <summary>
/// Reads a typed command line against the command table: <c>/intro set pitch:"Hello there" industry:finance</c>,
/// <c>/interests join rust</c>, <c>coffee pause 2026-12-24</c>. Words after the command path fill options either
/// by name (<c>name:value</c>) or in the table's order. Values with spaces go in quotes ("…", “…” or 「…」).
/// Used by the shell and by Slack's <c>/network …</c> command.
/// </summary>
public static partial class CommandTextParser
{
    private static readonly Dictionary<char, char> Quotes = new() { ['"'] = '"', ['“'] = '”', ['「'] = '」' };

    public static CommandParseResult Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!TryTokenize(line.Trim().TrimStart('/'), out var tokens))
        {
            return Invalid(Messages.UnclosedQuote);
        }

        if (tokens.Count == 0)
        {
            return Invalid(Messages.EmptyCommand);
        }

        var (spec, used) = MatchPath(tokens);
        if (spec is null)
        {
            var typed = string.Join(' ', tokens.TakeWhile(t => !t.Quoted).Select(t => t.Text).Take(3)).ToLowerInvariant();
            var group = LongestGroup(tokens);
            return group is null
                ? Invalid(Messages.UnknownCommand, typed)
                : Invalid(Messages.NeedsSubcommand, group, string.Join(", ", CommandTable.Under(group).Select(c => c.Path[(group.Length + 1)..])));
        }

        return BindOptions(spec, tokens.Skip(used).ToList());
    }

    private static CommandParseResult BindOptions(CommandSpec spec, List<Token> rest)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = new List<string>();
        foreach (var token in rest)
        {
            if (!token.Quoted && NamedValue().Match(token.Text) is { Success: true } named && !LooksLikeUrl(token.Text))
            {
                var name = named.Groups["name"].Value.ToLowerInvariant();
                if (spec.Options.All(o => o.Name != name))
                {
                    return spec.Options.Count == 0
                        ? Invalid(Messages.NoOptions, spec.Path, token.Text)
                        : Invalid(Messages.UnknownOption, spec.Path, name, string.Join(", ", spec.Options.Select(o => o.Name)));
                }

                if (!options.TryAdd(name, token.NamedValue ?? named.Groups["value"].Value))
                {
                    return Invalid(Messages.DuplicateOption, name);
                }
            }
            else
            {
                positional.Add(token.Text);
            }
        }

        var free = new Queue<OptionSpec>(spec.Options.Where(o => !options.ContainsKey(o.Name)));
        for (var i = 0; i < positional.Count; i++)
        {
            if (free.Count == 0)
            {
                return spec.Options.Count == 0
                    ? Invalid(Messages.NoOptions, spec.Path, positional[i])
                    : Invalid(Messages.TooManyValues, spec.Path, positional[i]);
            }

            var option = free.Dequeue();
            if (option.TakesRestOfLine)
            {
                options[option.Name] = string.Join(' ', positional.Skip(i));
                break;
            }

            options[option.Name] = positional[i];
        }

        return new CommandParseResult.Parsed(spec.Path, options);
    }

    private static (CommandSpec? Spec, int Used) MatchPath(List<Token> tokens)
    {
        for (var length = Math.Min(3, tokens.Count); length > 0; length--)
        {
            var words = tokens.Take(length).ToList();
            if (words.Any(w => w.Quoted))
            {
                continue;
            }

            var spec = CommandTable.Find(string.Join(' ', words.Select(w => w.Text)).ToLowerInvariant());
            if (spec is not null && !spec.Hidden)
            {
                return (spec, length);
            }
        }

        return (null, 0);
    }

    private static string? LongestGroup(List<Token> tokens)
    {
        string? group = null;
        var prefix = string.Empty;
        foreach (var token in tokens.Take(2).TakeWhile(t => !t.Quoted))
        {
            prefix = (prefix.Length == 0 ? token.Text : prefix + " " + token.Text).ToLowerInvariant();
            if (!CommandTable.IsGroup(prefix))
            {
                break;
            }

            group = prefix;
        }

        return group;
    }

    /// <summary>A bare <c>https://…</c> value is a URL, not option <c>https</c>.</summary>
    private static bool LooksLikeUrl(string text) => UrlStart().IsMatch(text);

    private static CommandParseResult.Invalid Invalid(LocalizedText text, params object?[] args) => new(new LocalizedMessage(text, args));

    private static bool TryTokenize(string line, out List<Token> tokens)
    {
        var found = new List<Token>();
        tokens = found;
        var current = new StringBuilder();
        string? name = null;
        var quoted = false;
        var inToken = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (Quotes.TryGetValue(c, out var close) && (!inToken || IsNamePrefix(current)))
            {
                var end = line.IndexOf(close, i + 1);
                if (end < 0)
                {
                    return false;
                }

                if (inToken)
                {
                    name = current.ToString(0, current.Length - 1);
                }

                current.Append(line, i + 1, end - i - 1);
                quoted = true;
                inToken = true;
                i = end;
            }
            else if (char.IsWhiteSpace(c))
            {
                Flush();
            }
            else
            {
                current.Append(c);
                inToken = true;
            }
        }

        Flush();
        return true;

        void Flush()
        {
            if (inToken)
            {
                var text = current.ToString();
                found.Add(name is null
                    ? new Token(text, quoted, null)
                    : new Token($"{name}:{text[(name.Length + 1)..]}", false, text[(name.Length + 1)..]));
            }

            current.Clear();
            name = null;
            quoted = false;
            inToken = false;
        }
    }

    /// <summary>True when the token so far is <c>name:</c>, so a quote that follows starts its value.</summary>
    private static bool IsNamePrefix(StringBuilder current) =>
        current.Length > 1 && current[^1] == ':' && OptionName().IsMatch(current.ToString(0, current.Length - 1));

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*://")]
    private static partial Regex UrlStart();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]*$")]
    private static partial Regex OptionName();

    [GeneratedRegex("^(?<name>[A-Za-z][A-Za-z0-9-]*):(?<value>.*)$", RegexOptions.Singleline)]
    private static partial Regex NamedValue();

    /// <summary>A word of the line; <see cref="NamedValue"/> is set for <c>name:"quoted value"</c>.</summary>
    private sealed record Token(string Text, bool Quoted, string? NamedValue);
}

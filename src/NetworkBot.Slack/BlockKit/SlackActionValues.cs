using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using NetworkBot.Core.Replies;

namespace NetworkBot.Slack.BlockKit;

/// <summary>
/// Encodes what a button, select or modal does into Slack's <c>value</c>, <c>action_id</c>, <c>callback_id</c> and
/// <c>private_metadata</c>, and back, so nothing is kept between showing a control and its use. The form is a
/// versioned, percent-encoded path and query: <c>nb1:coffee%20met?group=g7&amp;answer=yes</c>. A select names, in its
/// <c>action_id</c>, the option its chosen value fills: <c>nb1s:answer:coffee%20met?group=g7</c>. Buttons carry the
/// invocation in their <c>value</c> and an <c>action_id</c> of <c>nb1b:&lt;n&gt;</c>.
/// Decoding accepts only the exact text <see cref="Encode"/> writes, so anything not made by NetworkBot is refused.
/// </summary>
public static class SlackActionValues
{
    /// <summary>Slack's limit on a button's <c>value</c>.</summary>
    public const int MaxValueLength = 2000;

    /// <summary>Slack's limit on <c>action_id</c>, <c>block_id</c> and a view's <c>callback_id</c>.</summary>
    public const int MaxIdLength = 255;

    /// <summary>Slack's limit on a view's <c>private_metadata</c>.</summary>
    public const int MaxPrivateMetadataLength = 3000;

    private const string InvocationHeader = "nb1:";
    private const string SelectHeader = "nb1s:";
    private const string ButtonHeader = "nb1b:";

    /// <summary>
    /// The text of <paramref name="invocation"/>. Throws when it is longer than <paramref name="maxLength"/>: the bot
    /// built a control whose action cannot round-trip, which is a bug to fix in the command, not a user error.
    /// </summary>
    public static string Encode(CommandInvocation invocation, int maxLength = MaxValueLength)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return Checked(InvocationHeader + Body(invocation), invocation.Path, maxLength);
    }

    /// <summary>The <c>action_id</c> of a select whose chosen value becomes option <paramref name="optionName"/> of <paramref name="invocation"/>.</summary>
    public static string EncodeSelect(CommandInvocation invocation, string optionName)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentException.ThrowIfNullOrEmpty(optionName);
        return Checked(EncodeSelectUnchecked(invocation, optionName), invocation.Path, MaxIdLength);
    }

    /// <summary>The <c>action_id</c> of the <paramref name="index"/>th button of a message (unique within its block, as Slack requires).</summary>
    public static string ButtonActionId(int index) => ButtonHeader + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a value, <c>callback_id</c> or <c>private_metadata</c> written by <see cref="Encode"/>; false for anyone else's.</summary>
    public static bool TryDecode(string? text, [NotNullWhen(true)] out CommandInvocation? invocation)
    {
        invocation = null;
        if (text is null || text.Length > MaxPrivateMetadataLength || !text.StartsWith(InvocationHeader, StringComparison.Ordinal)
            || !TryParseBody(text[InvocationHeader.Length..], out var parsed) || InvocationHeader + Body(parsed) != text)
        {
            return false;
        }

        invocation = parsed;
        return true;
    }

    /// <summary>
    /// The invocation of a <c>block_actions</c> action: a button's (<paramref name="value"/> is its value) or a select's
    /// (<paramref name="value"/> is the chosen option's value, added as the option the select names). False for any
    /// action NetworkBot did not render.
    /// </summary>
    public static bool TryDecodeAction(string? actionId, string? value, [NotNullWhen(true)] out CommandInvocation? invocation)
    {
        invocation = null;
        if (actionId is null || actionId.Length > MaxIdLength || value is null)
        {
            return false;
        }

        if (actionId.StartsWith(ButtonHeader, StringComparison.Ordinal))
        {
            return int.TryParse(actionId.AsSpan(ButtonHeader.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && ButtonActionId(index) == actionId && value.Length <= MaxValueLength && TryDecode(value, out invocation);
        }

        if (!actionId.StartsWith(SelectHeader, StringComparison.Ordinal))
        {
            return false;
        }

        var colon = actionId.IndexOf(':', SelectHeader.Length);
        if (colon < 0 || !TryParseBody(actionId[(colon + 1)..], out var parsed))
        {
            return false;
        }

        var option = Uri.UnescapeDataString(actionId[SelectHeader.Length..colon]);
        if (option.Length == 0 || EncodeSelectUnchecked(parsed, option) != actionId || parsed.Options.ContainsKey(option))
        {
            return false;
        }

        var options = new Dictionary<string, string>(parsed.Options, StringComparer.Ordinal) { [option] = value };
        invocation = new CommandInvocation(parsed.Path, options);
        return true;
    }

    private static string EncodeSelectUnchecked(CommandInvocation invocation, string optionName) =>
        $"{SelectHeader}{Uri.EscapeDataString(optionName)}:{Body(invocation)}";

    private static string Body(CommandInvocation invocation)
    {
        var text = new StringBuilder(Uri.EscapeDataString(invocation.Path));
        var separator = '?';
        foreach (var (name, value) in invocation.Options)
        {
            text.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return text.ToString();
    }

    /// <summary>Splits <c>path?name=value&amp;…</c>; the caller checks the result re-encodes to the same text.</summary>
    private static bool TryParseBody(string body, [NotNullWhen(true)] out CommandInvocation? invocation)
    {
        invocation = null;
        var query = body.IndexOf('?', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(query < 0 ? body : body[..query]);
        if (path.Length == 0)
        {
            return false;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        if (query >= 0)
        {
            foreach (var pair in body[(query + 1)..].Split('&'))
            {
                var assign = pair.IndexOf('=', StringComparison.Ordinal);
                if (assign <= 0 || !options.TryAdd(Uri.UnescapeDataString(pair[..assign]), Uri.UnescapeDataString(pair[(assign + 1)..])))
                {
                    return false;
                }
            }
        }

        invocation = new CommandInvocation(path, options);
        return true;
    }

    private static string Checked(string text, string path, int maxLength) =>
        text.Length <= maxLength
            ? text
            : throw new InvalidOperationException(
                $"The Slack action '{path}' needs {text.Length} characters; Slack allows {maxLength} there. " +
                "Shorten its option values (pass an id, not a name).");
}

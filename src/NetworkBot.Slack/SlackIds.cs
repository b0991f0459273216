using System.Diagnostics.CodeAnalysis;

namespace NetworkBot.Slack;

/// <summary>
/// Shapes of Slack ids, checked before they go into a request: a user list is comma-separated, so an id with a
/// comma or a space would address people nobody chose.
/// </summary>
internal static class SlackIds
{
    /// <summary>User ids: <c>U…</c>, or <c>W…</c> in Enterprise Grid.</summary>
    public static bool IsUser([NotNullWhen(true)] string? id) => id is { Length: >= 2 } && id[0] is 'U' or 'W' && AllIdCharacters(id);

    /// <summary>Channel, group DM and DM ids: <c>C…</c>, <c>G…</c>, <c>D…</c>.</summary>
    public static bool IsConversation([NotNullWhen(true)] string? id) => id is { Length: >= 2 } && id[0] is 'C' or 'G' or 'D' && AllIdCharacters(id);

    private static bool AllIdCharacters(string id) => id.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9'));
}

using System.Globalization;
using System.Text;
using LiteDB;

namespace NetworkBot.Storage.LiteDb;

/// <summary>
/// A document's <c>_id</c> made of several parts (community, then member, event…), as the SQL schema's composite
/// primary keys are. Each part is written with its length first, so no choice of ids can make two keys equal.
/// </summary>
internal static class LiteDbKey
{
    public static string Of(params ReadOnlySpan<string> parts)
    {
        var key = new StringBuilder();
        foreach (var part in parts)
        {
            key.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part);
        }

        return key.ToString();
    }

    /// <summary>
    /// The documents whose key <paramref name="field"/> begins with the parts <paramref name="parts"/>, as one range of its
    /// index (all of an event's answers, say, by their <c>_id</c>). What follows the parts in such a key is the next
    /// part's length, a digit, so every key of the range sorts between the prefix and the prefix followed by U+FFFF.
    /// </summary>
    public static BsonExpression Prefixed(string field, params ReadOnlySpan<string> parts)
    {
        var prefix = Of(parts);
        return Query.Between(field, prefix, prefix + char.MaxValue);
    }
}

using System.Globalization;
using System.Text;

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
}

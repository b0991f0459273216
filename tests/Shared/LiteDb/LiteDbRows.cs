using LiteDB;

namespace NetworkBot.Tests.LiteDb;

/// <summary>
/// Every document of a LiteDB file, collection by collection, each as its fields in name order, so two files compare
/// whole: a collection, a document or a field (an index's helper field too) that one has and the other lacks shows.
/// Left out is what an import makes anew or not at all: the outbox's numbering, the calendar feed secret, the bot-wide
/// platform state and data-protection keys, the dashboard's sign-in links and sessions.
/// </summary>
public static class LiteDbRows
{
    /// <summary>The collections no export carries (see <c>ExportFormat</c>'s "not exported").</summary>
    private static readonly HashSet<string> NotExported =
        ["platform_state", "data_protection_keys", "dashboard_sign_in_links", "dashboard_sessions"];

    public static SortedDictionary<string, List<string>> Of(LiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var collections = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var name in database.GetCollectionNames().Where(n => !NotExported.Contains(n)))
        {
            var rows = database.GetCollection(name).FindAll()
                .Select(document => string.Join(
                    ", ",
                    document
                        .Where(field => field.Key != "calendar_token" && !(name == "outbox" && field.Key == "_id"))
                        .OrderBy(field => field.Key, StringComparer.Ordinal)
                        .Select(field => $"{field.Key}: {JsonSerializer.Serialize(field.Value)}")))
                .ToList();
            rows.Sort(StringComparer.Ordinal);
            collections[name] = rows;
        }

        return collections;
    }
}

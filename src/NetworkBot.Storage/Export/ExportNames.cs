using System.Text;
using NetworkBot.Core.Storage;

namespace NetworkBot.Storage.Export;

/// <summary>
/// Where an <see cref="ExportFormat"/> table and field live in a store: the table of the same name in snake_case (plural
/// for the two single ones), the field its column in snake_case. Every provider names its tables and LiteDB its
/// collections and fields so, which lets one mapping serve all of them.
/// </summary>
internal static class ExportNames
{
    public static string Table(ExportTable table) => table.Name switch
    {
        "community" => "communities",
        "coffeeSchedule" => "coffee_schedules",
        _ => Column(table.Name),
    };

    /// <summary>camelCase to snake_case: <c>checkInAt</c> is <c>check_in_at</c>, <c>memberA</c> is <c>member_a</c>.</summary>
    public static string Column(string field)
    {
        var name = new StringBuilder(field.Length + 4);
        foreach (var c in field)
        {
            if (char.IsUpper(c))
            {
                name.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                name.Append(c);
            }
        }

        return name.ToString();
    }
}

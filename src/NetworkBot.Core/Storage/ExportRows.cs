using System.Text.Json;

namespace NetworkBot.Core.Storage;

/// <summary>
/// Writes rows of the <see cref="ExportFormat"/> as JSON objects, the same way for the whole-community export
/// (<c>networkbot export</c>) and a member's own export (<c>/privacy export</c>): field names from the table, JSON fields
/// as JSON rather than strings, rows in the order of their key fields so equal data gives equal bytes.
/// </summary>
public static class ExportRows
{
    /// <summary><paramref name="rows"/> by their first <see cref="ExportTable.KeyFields"/> fields: null first, then strings ordinal, integers and flags by value.</summary>
    public static IEnumerable<IReadOnlyList<object?>> Ordered(ExportTable table, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(table);
        return rows.Order(new KeyOrder(table.KeyFields));
    }

    /// <summary>One row as an object of <paramref name="table"/>'s fields; a value of a type the format does not know is a bug of the store.</summary>
    public static void Write(Utf8JsonWriter writer, ExportTable table, IReadOnlyList<object?> row)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(row);
        writer.WriteStartObject();
        for (var i = 0; i < table.Fields.Count; i++)
        {
            var field = table.Fields[i];
            writer.WritePropertyName(field.Name);
            switch (row[i])
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string json when field.Kind == ExportFieldKind.Json:
                    writer.WriteRawValue(json);
                    break;
                case string text:
                    writer.WriteStringValue(text);
                    break;
                case long number:
                    writer.WriteNumberValue(number);
                    break;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    break;
                default:
                    throw new InvalidOperationException($"{table.Name}.{field.Name}: a {row[i]!.GetType().Name} is not an export value.");
            }
        }

        writer.WriteEndObject();
    }

    private sealed class KeyOrder(int keyFields) : IComparer<IReadOnlyList<object?>>
    {
        public int Compare(IReadOnlyList<object?>? x, IReadOnlyList<object?>? y)
        {
            for (var i = 0; i < keyFields; i++)
            {
                var order = (x![i], y![i]) switch
                {
                    (null, null) => 0,
                    (null, _) => -1,
                    (_, null) => 1,
                    (string a, string b) => string.CompareOrdinal(a, b),
                    (long a, long b) => a.CompareTo(b),
                    (bool a, bool b) => a.CompareTo(b),
                    _ => 0,
                };
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        }
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Storage;

namespace NetworkBot.Storage.Export;

/// <summary>
/// Writes and reads the <see cref="ExportFormat"/> JSON document. Communities and rows are written in ordinal order
/// of their keys, so two exports of equal data are the same bytes whichever provider they came from.
/// </summary>
/// <remarks>
/// Written with <see cref="Utf8JsonWriter"/> and read with <see cref="JsonDocument"/>, both free of reflection: the
/// document's shape comes from <see cref="ExportFormat.Tables"/>, which no serializer contract could follow.
/// </remarks>
public static class ExportDocument
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(IReadOnlyList<CommunityExport> communities)
    {
        ArgumentNullException.ThrowIfNull(communities);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("format", ExportFormat.Name);
            writer.WriteNumber("version", ExportFormat.Version);
            writer.WriteStartArray("communities");
            foreach (var community in communities.OrderBy(c => c.Id.Value, StringComparer.Ordinal))
            {
                WriteCommunity(writer, community);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Reads a whole document, or says in one sentence what is wrong with it (a newer version among others).</summary>
    public static bool TryRead(string json, [NotNullWhen(true)] out IReadOnlyList<CommunityExport>? communities, [NotNullWhen(false)] out string? error)
    {
        communities = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != ExportFormat.Name)
            {
                error = $"not a NetworkBot export (no \"format\": \"{ExportFormat.Name}\").";
                return false;
            }

            if (!root.TryGetProperty("version", out var version) || !version.TryGetInt32(out var number) || number < 1)
            {
                error = "the export has no valid \"version\".";
                return false;
            }

            if (number > ExportFormat.Version)
            {
                error = $"the export is format version {number}, newer than this build reads ({ExportFormat.Version}): import it with a newer NetworkBot.";
                return false;
            }

            if (!root.TryGetProperty("communities", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                error = "the export has no \"communities\" array.";
                return false;
            }

            var read = new List<CommunityExport>();
            foreach (var community in list.EnumerateArray())
            {
                var path = $"communities[{read.Count}]";
                if (!TryReadCommunity(community, path, number, out var export, out error))
                {
                    return false;
                }

                if (read.Any(c => c.Id == export.Id))
                {
                    error = $"{path}: community {export.Id} appears twice.";
                    return false;
                }

                read.Add(export);
            }

            communities = read;
            error = null;
            return true;
        }
        catch (JsonException exception)
        {
            error = $"not valid JSON: {exception.Message}";
            return false;
        }
    }

    private static void WriteCommunity(Utf8JsonWriter writer, CommunityExport community)
    {
        writer.WriteStartObject();
        writer.WriteString("id", community.Id.Value);
        foreach (var table in ExportFormat.Tables)
        {
            var rows = community.Tables.TryGetValue(table.Name, out var stored) ? stored : [];
            if (table.Single)
            {
                writer.WritePropertyName(table.Name);
                if (rows.Count == 0)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    ExportRows.Write(writer, table, rows[0]);
                }

                continue;
            }

            writer.WriteStartArray(table.Name);
            foreach (var row in ExportRows.Ordered(table, rows))
            {
                ExportRows.Write(writer, table, row);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static bool TryReadCommunity(JsonElement element, string path, int version, out CommunityExport export, [NotNullWhen(false)] out string? error)
    {
        export = null!;
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(id.GetString()))
        {
            error = $"{path}: a community needs an \"id\" string.";
            return false;
        }

        var tables = new Dictionary<string, IReadOnlyList<IReadOnlyList<object?>>>();
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name != "id" && !ExportFormat.Tables.Any(t => t.Name == property.Name))
            {
                error = $"{path}: unknown field \"{property.Name}\".";
                return false;
            }
        }

        foreach (var table in ExportFormat.Tables)
        {
            var tablePath = $"{path}.{table.Name}";
            if (version < table.Since)
            {
                tables[table.Name] = [];
                continue;
            }

            if (!element.TryGetProperty(table.Name, out var value))
            {
                error = $"{tablePath} is missing.";
                return false;
            }

            IReadOnlyList<JsonElement>? rows = (table.Single, value.ValueKind) switch
            {
                (true, JsonValueKind.Null) => [],
                (true, JsonValueKind.Object) => [value],
                (false, JsonValueKind.Array) => [.. value.EnumerateArray()],
                _ => null,
            };
            if (rows is null)
            {
                error = $"{tablePath} must be {(table.Single ? "an object or null" : "an array")}.";
                return false;
            }

            var read = new List<IReadOnlyList<object?>>();
            foreach (var row in rows)
            {
                if (!TryReadRow(row, table, table.Single ? tablePath : $"{tablePath}[{read.Count}]", version, out var values, out error))
                {
                    return false;
                }

                read.Add(values);
            }

            tables[table.Name] = read;
        }

        export = new CommunityExport(new CommunityId(id.GetString()!), tables);
        error = null;
        return true;
    }

    /// <summary>A row of a document at <paramref name="version"/>: a field newer than it is absent there and reads as its <see cref="ExportField.Older"/> value.</summary>
    private static bool TryReadRow(JsonElement row, ExportTable table, string path, int version, out IReadOnlyList<object?> values, [NotNullWhen(false)] out string? error)
    {
        values = [];
        if (row.ValueKind != JsonValueKind.Object)
        {
            error = $"{path} must be an object.";
            return false;
        }

        foreach (var property in row.EnumerateObject())
        {
            if (!table.Fields.Any(f => f.Name == property.Name))
            {
                error = $"{path}: unknown field \"{property.Name}\".";
                return false;
            }
        }

        var read = new object?[table.Fields.Count];
        for (var i = 0; i < table.Fields.Count; i++)
        {
            var field = table.Fields[i];
            if (version < field.Since)
            {
                read[i] = field.Older;
                continue;
            }

            if (!row.TryGetProperty(field.Name, out var value))
            {
                error = $"{path}.{field.Name} is missing.";
                return false;
            }

            object? converted = (field.Kind, value.ValueKind) switch
            {
                (_, JsonValueKind.Null) => null,
                (ExportFieldKind.Text, JsonValueKind.String) => value.GetString(),
                (ExportFieldKind.Integer, JsonValueKind.Number) when value.TryGetInt64(out var number) => number,
                (ExportFieldKind.Boolean, JsonValueKind.True or JsonValueKind.False) => value.GetBoolean(),
                (ExportFieldKind.Json, JsonValueKind.Array or JsonValueKind.Object) => value.GetRawText(),
                _ => value,
            };
            if (converted is JsonElement)
            {
                error = $"{path}.{field.Name} must be {Expected(field.Kind)} or null.";
                return false;
            }

            read[i] = converted;
        }

        values = read;
        error = null;
        return true;
    }

    private static string Expected(ExportFieldKind kind) => kind switch
    {
        ExportFieldKind.Text => "a string",
        ExportFieldKind.Integer => "an integer",
        ExportFieldKind.Boolean => "true or false",
        _ => "an array or object",
    };
}

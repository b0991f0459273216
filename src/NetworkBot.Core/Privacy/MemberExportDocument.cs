using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Storage;
using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Privacy;

/// <summary>
/// The JSON document <c>/privacy export</c> gives a member: <c>{"format": "networkbot-member-export", "version": 1,
/// "community", "member", "exportedAt", "stored", "about", "descriptions", "tables", "names"}</c>. Its tables are the
/// rows of <see cref="ExportFormat"/> that concern the member, written as <c>networkbot export</c> writes them
/// (<see cref="ExportRows"/>), each table and field described in English and Japanese (<see cref="ExportDescriptions"/>);
/// <c>names</c> holds only the display names of the other members those rows name. When nothing is stored about the
/// member the document says so (<c>"stored": false</c>) and holds nothing else.
/// </summary>
public static class MemberExportDocument
{
    public const string Format = "networkbot-member-export";

    public const int Version = 1;

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(CommunityId community, MemberId member, MemberExport? export, DateTimeOffset exportedAt)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Format);
            writer.WriteNumber("version", Version);
            writer.WriteString("community", community.Value);
            writer.WriteString("member", member.Value);
            writer.WriteString("exportedAt", exportedAt.ToUniversalTime());
            writer.WriteBoolean("stored", export is not null);
            Localized(writer, "about", export is null ? PrivacyTexts.ExportAboutNothing : PrivacyTexts.ExportAbout);
            if (export is not null)
            {
                WriteContent(writer, export);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteContent(Utf8JsonWriter writer, MemberExport export)
    {
        var tables = ExportFormat.Tables.Where(t => export.Tables.ContainsKey(t.Name)).ToList();
        writer.WriteStartObject("descriptions");
        foreach (var table in tables)
        {
            var description = ExportDescriptions.Tables[table.Name];
            writer.WriteStartObject(table.Name);
            writer.WriteString("en", description.About.En);
            writer.WriteString("ja", description.About.Ja);
            writer.WriteStartObject("fields");
            foreach (var field in table.Fields)
            {
                Localized(writer, field.Name, description.Fields[field.Name]);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("tables");
        foreach (var table in tables)
        {
            var rows = export.Tables[table.Name];
            writer.WritePropertyName(table.Name);
            if (table.Single)
            {
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

            writer.WriteStartArray();
            foreach (var row in ExportRows.Ordered(table, rows))
            {
                ExportRows.Write(writer, table, row);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("names");
        foreach (var (id, name) in export.Names.OrderBy(n => n.Key.Value, StringComparer.Ordinal))
        {
            writer.WriteString(id.Value, name);
        }

        writer.WriteEndObject();
    }

    private static void Localized(Utf8JsonWriter writer, string name, LocalizedText text)
    {
        writer.WriteStartObject(name);
        writer.WriteString("en", text.En);
        writer.WriteString("ja", text.Ja);
        writer.WriteEndObject();
    }
}

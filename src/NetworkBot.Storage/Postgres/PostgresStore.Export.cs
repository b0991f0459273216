using System.Globalization;
using System.Text;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Serialization;
using Npgsql;

namespace NetworkBot.Storage.Postgres;

/// <remarks>
/// Each <see cref="ExportFormat"/> table is the table of the same name in snake_case (plural for the two single ones),
/// each field the column of its name in snake_case, as in SQLite. The format's text is converted at this edge only:
/// instants (UTC ticks here) are written as SQLite writes them, ISO-8601 UTC with 100 ns and a fixed width, dates
/// <c>yyyy-MM-dd</c>, the schedule's time of day <c>HH:mm:ss.fffffff</c>, and the jsonb lists as the store's own JSON
/// writer writes them, so an export reads the same from either provider.
/// </remarks>
public sealed partial class PostgresStore : IExportStore
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private const string DateFormat = "yyyy-MM-dd";
    private const string TimeFormat = "HH:mm:ss.fffffff";

    private static readonly HashSet<string> DateColumns = ["coffee_paused_until", "starts_on"];

    private static readonly HashSet<string> MemberIdListColumns = ["managers"];

    private static readonly HashSet<string> StringListColumns = ["offers", "seeks", "interests"];

    public Task<IReadOnlyList<CommunityId>> ListCommunityIdsAsync(CancellationToken ct) =>
        QueryAsync(
            string.Join(" UNION ", ExportFormat.Tables.Select(t => $"SELECT community_id FROM {ExportTableName(t)}")) + " ORDER BY community_id",
            [],
            r => new CommunityId(r.GetString(0)),
            ct);

    public async Task<CommunityExport?> ExportCommunityAsync(CommunityId community, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);

        // One snapshot for every table, so the tables agree with each other while other instances write.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
        var tables = new Dictionary<string, IReadOnlyList<IReadOnlyList<object?>>>();
        foreach (var table in ExportFormat.Tables)
        {
            tables[table.Name] = await connection.QueryAsync(
                $"SELECT {string.Join(", ", table.Fields.Select(f => ExportColumnName(f.Name)))} FROM {ExportTableName(table)} WHERE community_id = @community",
                transaction,
                [("community", community.Value)],
                r => ReadExportRow(r, table),
                ct).ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return tables.Values.Any(rows => rows.Count > 0) ? new CommunityExport(community, tables) : null;
    }

    public async Task<ImportRefusal?> ImportCommunitiesAsync(IReadOnlyList<CommunityExport> communities, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(communities);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        foreach (var community in communities)
        {
            // Taken before looking, so two imports of one community at once cannot both find it absent.
            await connection.ExecuteAsync(
                "SELECT pg_advisory_xact_lock(hashtextextended(@community, 0))", transaction, [("community", community.Id.Value)], ct).ConfigureAwait(false);
            if (await HasAnyRowAsync(connection, transaction, community.Id, ct).ConfigureAwait(false))
            {
                return new ImportRefusal(community.Id, $"community {community.Id} already has data in this database");
            }

            foreach (var table in ExportFormat.Tables)
            {
                foreach (var row in community.Tables.TryGetValue(table.Name, out var rows) ? rows : [])
                {
                    try
                    {
                        await InsertExportRowAsync(connection, transaction, community.Id, table, row, ct).ConfigureAwait(false);
                    }
                    catch (PostgresException exception) when (exception.SqlState.StartsWith("23", StringComparison.Ordinal))
                    {
                        return new ImportRefusal(community.Id, $"a row of its {table.Name} does not fit this database ({exception.MessageText})");
                    }
                    catch (FormatException exception)
                    {
                        return new ImportRefusal(community.Id, $"a row of its {table.Name} does not fit this database ({exception.Message})");
                    }
                }
            }
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return null;
    }

    private static async Task<bool> HasAnyRowAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CommunityId community, CancellationToken ct) =>
        (await connection.QueryAsync(
            $"SELECT EXISTS ({string.Join(" UNION ALL ", ExportFormat.Tables.Select(t => $"SELECT 1 FROM {ExportTableName(t)} WHERE community_id = @community"))})",
            transaction,
            [("community", community.Value)],
            r => r.GetBoolean(0),
            ct).ConfigureAwait(false))[0];

    private static Task InsertExportRowAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CommunityId community, ExportTable table, IReadOnlyList<object?> row, CancellationToken ct)
    {
        var columns = new List<string> { "community_id" };
        var values = new List<string> { "@community_id" };
        var parameters = new List<(string Name, object? Value)> { ("community_id", community.Value) };
        for (var i = 0; i < table.Fields.Count; i++)
        {
            var column = ExportColumnName(table.Fields[i].Name);
            columns.Add(column);
            values.Add(MemberIdListColumns.Contains(column) || StringListColumns.Contains(column) ? $"@{column}::jsonb" : $"@{column}");
            parameters.Add((column, ToColumn(column, table.Fields[i].Kind, row[i])));
        }

        // name_key is no field of the format: it is this store's case-folded copy of the name, which the look-ups use.
        var nameField = table.Name switch { "interests" => "name", "members" => "displayName", _ => null };
        if (nameField is not null)
        {
            columns.Add("name_key");
            values.Add("@name_key");
            var name = row[table.Fields.ToList().FindIndex(f => f.Name == nameField)];
            parameters.Add(("name_key", name is string text ? PostgresValues.Fold(text) : null));
        }

        return connection.ExecuteAsync(
            $"INSERT INTO {ExportTableName(table)} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)})",
            transaction,
            parameters,
            ct);
    }

    /// <summary>A format value as its column keeps it; text that is no instant, date or time where one belongs is a <see cref="FormatException"/>.</summary>
    private static object? ToColumn(string column, ExportFieldKind kind, object? value) => (kind, value) switch
    {
        (_, null) => null,
        (ExportFieldKind.Text, string text) when IsInstantColumn(column) =>
            DateTimeOffset.ParseExact(text, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal).UtcTicks,
        (ExportFieldKind.Text, string text) when DateColumns.Contains(column) => DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture),
        (ExportFieldKind.Text, string text) when column == "time" => TimeOnly.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture).Ticks,
        _ => value,
    };

    private static IReadOnlyList<object?> ReadExportRow(NpgsqlDataReader reader, ExportTable table)
    {
        var row = new object?[table.Fields.Count];
        for (var i = 0; i < row.Length; i++)
        {
            var column = ExportColumnName(table.Fields[i].Name);
            row[i] = reader.IsDBNull(i)
                ? null
                : table.Fields[i].Kind switch
                {
                    ExportFieldKind.Integer => reader.GetInt64(i),
                    ExportFieldKind.Boolean => reader.GetBoolean(i),
                    ExportFieldKind.Json when MemberIdListColumns.Contains(column) => StoredJson.Write(StoredJson.ReadMemberIds(reader.GetString(i))),
                    ExportFieldKind.Json when StringListColumns.Contains(column) => StoredJson.Write(StoredJson.ReadStrings(reader.GetString(i))),
                    ExportFieldKind.Text when IsInstantColumn(column) =>
                        new DateTimeOffset(reader.GetInt64(i), TimeSpan.Zero).UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture),
                    ExportFieldKind.Text when DateColumns.Contains(column) => reader.GetDate(i).ToString(DateFormat, CultureInfo.InvariantCulture),
                    ExportFieldKind.Text when column == "time" => reader.GetTime(i).ToString(TimeFormat, CultureInfo.InvariantCulture),
                    _ => reader.GetString(i),
                };
        }

        return row;
    }

    /// <summary>The instants of the format: every text field named <c>…At</c> or <c>…For</c>, <c>since</c> and <c>occurrence</c>.</summary>
    private static bool IsInstantColumn(string column) =>
        column.EndsWith("_at", StringComparison.Ordinal) || column.EndsWith("_for", StringComparison.Ordinal) || column is "since" or "occurrence";

    private static string ExportTableName(ExportTable table) => table.Name switch
    {
        "community" => "communities",
        "coffeeSchedule" => "coffee_schedules",
        _ => ExportColumnName(table.Name),
    };

    /// <summary>camelCase to snake_case: <c>checkInAt</c> is <c>check_in_at</c>, <c>memberA</c> is <c>member_a</c>.</summary>
    private static string ExportColumnName(string field)
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

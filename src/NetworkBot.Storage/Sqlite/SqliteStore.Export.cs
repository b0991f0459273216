using System.Text;
using Microsoft.Data.Sqlite;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Storage;

namespace NetworkBot.Storage.Sqlite;

/// <remarks>
/// Each <see cref="ExportFormat"/> table is the SQLite table of the same name in snake_case (plural for the two single
/// ones), each field the column of its name in snake_case; flags are 0/1 and JSON fields JSON text, as everywhere here.
/// </remarks>
public sealed partial class SqliteStore : IExportStore
{
    private const int ConstraintError = 19;

    public Task<IReadOnlyList<CommunityId>> ListCommunityIdsAsync(CancellationToken ct) =>
        QueryAsync(
            string.Join(" UNION ", ExportFormat.Tables.Select(t => $"SELECT community_id FROM {TableName(t)}")) + " ORDER BY community_id",
            [],
            r => new CommunityId(r.GetString(0)),
            ct);

    public async Task<CommunityExport?> ExportCommunityAsync(CommunityId community, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct).ConfigureAwait(false);

        // A deferred transaction reads one snapshot of the file, so the tables agree with each other.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var tables = new Dictionary<string, IReadOnlyList<IReadOnlyList<object?>>>();
        foreach (var table in ExportFormat.Tables)
        {
            tables[table.Name] = await connection.QueryAsync(
                $"SELECT {string.Join(", ", table.Fields.Select(f => ColumnName(f.Name)))} FROM {TableName(table)} WHERE community_id = $community",
                transaction,
                [("$community", community.Value)],
                r => ReadExportRow(r, table),
                ct).ConfigureAwait(false);
        }

        return tables.Values.Any(rows => rows.Count > 0) ? new CommunityExport(community, tables) : null;
    }

    public async Task<ImportRefusal?> ImportCommunitiesAsync(IReadOnlyList<CommunityExport> communities, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(communities);
        await using var connection = await connections.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        foreach (var community in communities)
        {
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
                    catch (SqliteException exception) when (exception.SqliteErrorCode == ConstraintError)
                    {
                        return new ImportRefusal(community.Id, $"a row of its {table.Name} does not fit this database ({exception.Message})");
                    }
                }
            }
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return null;
    }

    private static async Task<bool> HasAnyRowAsync(SqliteConnection connection, SqliteTransaction transaction, CommunityId community, CancellationToken ct) =>
        (await connection.QueryAsync(
            $"SELECT EXISTS ({string.Join(" UNION ALL ", ExportFormat.Tables.Select(t => $"SELECT 1 FROM {TableName(t)} WHERE community_id = $community"))})",
            transaction,
            [("$community", community.Value)],
            r => r.GetFlag(0),
            ct).ConfigureAwait(false))[0];

    private static Task InsertExportRowAsync(
        SqliteConnection connection, SqliteTransaction transaction, CommunityId community, ExportTable table, IReadOnlyList<object?> row, CancellationToken ct)
    {
        var columns = new List<string> { "community_id" };
        var parameters = new List<(string Name, object? Value)> { ("$community_id", community.Value) };
        for (var i = 0; i < table.Fields.Count; i++)
        {
            var column = ColumnName(table.Fields[i].Name);
            columns.Add(column);
            parameters.Add(($"${column}", row[i] is bool flag ? SqliteValues.Flag(flag) : row[i]));
        }

        // name_key is no field of the format: it is this store's case-folded copy of the name, which keeps names unique.
        if (table.Name == "interests")
        {
            columns.Add("name_key");
            var name = row[table.Fields.ToList().FindIndex(f => f.Name == "name")];
            parameters.Add(("$name_key", name is string text ? SqliteConnectionFactory.Fold(text) : null));
        }

        return connection.ExecuteAsync(
            $"INSERT INTO {TableName(table)} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", parameters.Select(p => p.Name))})",
            transaction,
            parameters,
            ct);
    }

    private static IReadOnlyList<object?> ReadExportRow(SqliteDataReader reader, ExportTable table)
    {
        var row = new object?[table.Fields.Count];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = reader.IsDBNull(i)
                ? null
                : table.Fields[i].Kind switch
                {
                    ExportFieldKind.Integer => reader.GetInt64(i),
                    ExportFieldKind.Boolean => reader.GetFlag(i),
                    _ => reader.GetString(i),
                };
        }

        return row;
    }

    private static string TableName(ExportTable table) => table.Name switch
    {
        "community" => "communities",
        "coffeeSchedule" => "coffee_schedules",
        _ => ColumnName(table.Name),
    };

    /// <summary>camelCase to snake_case: <c>checkInAt</c> is <c>check_in_at</c>, <c>memberA</c> is <c>member_a</c>.</summary>
    private static string ColumnName(string field)
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

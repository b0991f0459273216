using System.Data.Common;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Export;

namespace NetworkBot.Storage.Relational;

/// <remarks>
/// Each <see cref="ExportFormat"/> table is the table <see cref="ExportNames"/> names, each field its column. The format's
/// values are SQLite's text; a provider storing them otherwise converts at this edge only (<see cref="RelationalDialect.ExportValue"/>,
/// <see cref="RelationalDialect.ImportValue"/>), so an export reads the same from either provider.
/// </remarks>
public abstract partial class RelationalStore : IExportStore
{
    public Task<IReadOnlyList<CommunityId>> ListCommunityIdsAsync(CancellationToken ct) =>
        QueryAsync(
            string.Join(" UNION ", ExportFormat.Tables.Select(t => $"SELECT community_id FROM {ExportNames.Table(t)}")) + " ORDER BY community_id",
            [],
            r => new CommunityId(r.GetString(0)),
            ct);

    public async Task<CommunityExport?> ExportCommunityAsync(CommunityId community, CancellationToken ct)
    {
        // One snapshot for every table, so the tables agree with each other while others write.
        await using var transaction = await BeginAsync(TransactionKind.Snapshot, ct).ConfigureAwait(false);
        var tables = await ReadExportTablesAsync(transaction, [("community", community.Value)], _ => null, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return tables.Values.Any(rows => rows.Count > 0) ? new CommunityExport(community, tables) : null;
    }

    /// <summary>
    /// Every <see cref="ExportFormat"/> table's rows of <c>@community</c> within <paramref name="transaction"/>, each table's
    /// narrowed by the condition <paramref name="narrowing"/> gives it (null: all of the community's rows).
    /// </summary>
    private static async Task<Dictionary<string, IReadOnlyList<IReadOnlyList<object?>>>> ReadExportTablesAsync(
        StoreSession transaction, IReadOnlyList<(string Name, object? Value)> parameters, Func<ExportTable, string?> narrowing, CancellationToken ct)
    {
        var tables = new Dictionary<string, IReadOnlyList<IReadOnlyList<object?>>>();
        foreach (var table in ExportFormat.Tables)
        {
            var condition = narrowing(table) is { } narrowed ? $" AND ({narrowed})" : "";
            tables[table.Name] = await transaction.QueryAsync(
                $"SELECT {string.Join(", ", table.Fields.Select(f => ExportNames.Column(f.Name)))} FROM {ExportNames.Table(table)} WHERE community_id = @community{condition}",
                parameters,
                r => ReadExportRow(r, table),
                ct).ConfigureAwait(false);
        }

        return tables;
    }

    public async Task<ImportRefusal?> ImportCommunitiesAsync(IReadOnlyList<CommunityExport> communities, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(communities);
        await using var transaction = await BeginAsync(TransactionKind.Write, ct).ConfigureAwait(false);
        foreach (var community in communities)
        {
            if (Dialect.ImportLock is { } importLock)
            {
                // Taken before looking, so two imports of one community at once cannot both find it absent.
                await transaction.ExecuteAsync(importLock, [("community", community.Id.Value)], ct).ConfigureAwait(false);
            }

            if (await HasAnyRowAsync(transaction, community.Id, ct).ConfigureAwait(false))
            {
                return new ImportRefusal(community.Id, $"community {community.Id} already has data in this database");
            }

            foreach (var table in ExportFormat.Tables)
            {
                foreach (var row in community.Tables.TryGetValue(table.Name, out var rows) ? rows : [])
                {
                    try
                    {
                        await InsertExportRowAsync(transaction, community.Id, table, row, ct).ConfigureAwait(false);
                    }
                    catch (DbException exception) when (Dialect.ConstraintViolation(exception) is { } refused)
                    {
                        return new ImportRefusal(community.Id, $"a row of its {table.Name} does not fit this database ({refused})");
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

    private static async Task<bool> HasAnyRowAsync(StoreSession transaction, CommunityId community, CancellationToken ct) =>
        (await transaction.QueryAsync(
            $"SELECT EXISTS ({string.Join(" UNION ALL ", ExportFormat.Tables.Select(t => $"SELECT 1 FROM {ExportNames.Table(t)} WHERE community_id = @community"))})",
            [("community", community.Value)],
            r => r.GetFlag(0),
            ct).ConfigureAwait(false))[0];

    private Task InsertExportRowAsync(
        StoreSession transaction, CommunityId community, ExportTable table, IReadOnlyList<object?> row, CancellationToken ct)
    {
        var columns = new List<string> { "community_id" };
        var parameters = new List<(string Name, object? Value)> { ("community_id", community.Value) };
        for (var i = 0; i < table.Fields.Count; i++)
        {
            var column = ExportNames.Column(table.Fields[i].Name);
            columns.Add(column);
            parameters.Add((column, Dialect.ImportValue(column, table.Fields[i].Kind, row[i])));
        }

        // name_key is no field of the format: it is this store's case-folded copy of the name, which keeps names unique
        // and which the look-ups use.
        var nameField = table.Name switch
        {
            "interests" => "name",
            "members" when Dialect.MembersHaveNameKey => "displayName",
            _ => null,
        };
        if (nameField is not null)
        {
            columns.Add("name_key");
            var name = row[table.Fields.ToList().FindIndex(f => f.Name == nameField)];
            parameters.Add(("name_key", name is string text ? RelationalDialect.Fold(text) : null));
        }

        return transaction.ExecuteAsync(
            $"INSERT INTO {ExportNames.Table(table)} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", parameters.Select(p => "@" + p.Name))})",
            parameters,
            ct);
    }

    private static IReadOnlyList<object?> ReadExportRow(StoredRow row, ExportTable table)
    {
        var values = new object?[table.Fields.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var kind = table.Fields[i].Kind;
            values[i] = row.IsDBNull(i)
                ? null
                : kind switch
                {
                    ExportFieldKind.Integer => row.GetInt64(i),
                    ExportFieldKind.Boolean => row.GetFlag(i),
                    _ => row.GetExportValue(i, ExportNames.Column(table.Fields[i].Name), kind),
                };
        }

        return values;
    }
}

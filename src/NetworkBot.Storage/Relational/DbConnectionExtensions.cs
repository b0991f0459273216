using System.Data.Common;

namespace NetworkBot.Storage.Relational;

/// <summary>
/// The few ADO.NET shapes storage needs, written once for every provider: run a statement, read rows, with named
/// (<c>@name</c>) parameters bound as the provider's <see cref="RelationalDialect"/> stores them. The store reaches them
/// through a <see cref="StoreSession"/>; migrators and locks, which hold their connection themselves, directly.
/// </summary>
internal static class DbConnectionExtensions
{
    /// <summary>Runs <paramref name="sql"/> and returns the number of rows it changed.</summary>
    public static async Task<int> ExecuteAsync(
        this DbConnection connection,
        RelationalDialect dialect,
        string sql,
        DbTransaction? transaction,
        IReadOnlyList<(string Name, object? Value)> parameters,
        CancellationToken ct)
    {
        await using var command = connection.Command(dialect, sql, transaction, parameters);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<T>> QueryAsync<T>(
        this DbConnection connection,
        RelationalDialect dialect,
        string sql,
        DbTransaction? transaction,
        IReadOnlyList<(string Name, object? Value)> parameters,
        Func<StoredRow, T> map,
        CancellationToken ct)
    {
        await using var command = connection.Command(dialect, sql, transaction, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var row = new StoredRow(reader, dialect);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            rows.Add(map(row));
        }

        return rows;
    }

    private static DbCommand Command(
        this DbConnection connection, RelationalDialect dialect, string sql, DbTransaction? transaction, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            dialect.Bind(parameter, value);
            command.Parameters.Add(parameter);
        }

        return command;
    }
}

using Npgsql;

namespace NetworkBot.Storage.Postgres;

/// <summary>The few ADO.NET shapes the store needs: run a statement, read rows, with named (<c>@name</c>) parameters.</summary>
internal static class PostgresCommandExtensions
{
    public static NpgsqlCommand Command(
        this NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>Runs <paramref name="sql"/> and returns the number of rows it changed.</summary>
    public static async Task<int> ExecuteAsync(
        this NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken ct)
    {
        await using var command = connection.Command(sql, transaction, parameters);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<T>> QueryAsync<T>(
        this NpgsqlConnection connection,
        string sql,
        NpgsqlTransaction? transaction,
        IReadOnlyList<(string Name, object? Value)> parameters,
        Func<NpgsqlDataReader, T> map,
        CancellationToken ct)
    {
        await using var command = connection.Command(sql, transaction, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}

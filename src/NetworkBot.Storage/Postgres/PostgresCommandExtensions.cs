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
            command.Parameters.AddWithValue(name, value is string text ? WellFormed(text) : value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>
    /// <paramref name="text"/> with each lone surrogate (half an emoji, as a platform cutting text short leaves it) as
    /// U+FFFD. Npgsql refuses to encode one, while SQLite's driver stores U+FFFD in its place; doing the same here keeps
    /// the providers alike and a member's odd name from failing their write.
    /// </summary>
    public static string WellFormed(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
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

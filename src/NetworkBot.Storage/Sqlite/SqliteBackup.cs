using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NetworkBot.Storage.Sqlite;

/// <summary>
/// Copies of an embedded database. A backup uses SQLite's online backup, a reader like any other: in WAL mode it
/// neither waits for nor blocks the running bot's writes, so it takes no <see cref="DatabaseLock"/>, and the copy is the
/// database as of one transaction. A copy is written to a hidden <c>.partial</c> file next to its place, checked with
/// <c>PRAGMA integrity_check</c>, and only then renamed: a file with the backup's name is always whole. Expected refusals
/// (no database, a place already taken, a file this build cannot restore) are returned as one sentence.
/// </summary>
public static class SqliteBackup
{
    /// <summary>How the backups <c>run</c> makes each day begin; only these are removed past <see cref="StorageBackupOptions.Keep"/>.</summary>
    public const string DailyPrefix = "networkbot-daily-";

    /// <summary>How the backups <c>networkbot backup</c> names by itself begin; never removed by <c>run</c>.</summary>
    public const string VerbPrefix = "networkbot-";

    private const string TimestampFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>A backup's file in <paramref name="folder"/> named after <paramref name="at"/> (<c>networkbot-20261207T002000Z.db</c>), so names sort by age.</summary>
    public static string TimestampedPath(string folder, string prefix, DateTimeOffset at) =>
        Path.Combine(Path.GetFullPath(folder), prefix + at.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture) + ".db");

    /// <summary>When the newest backup named with <paramref name="prefix"/> in <paramref name="folder"/> was made; null when there is none.</summary>
    public static DateTimeOffset? Newest(string folder, string prefix) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, prefix + "*.db")
                .Select(file => DateTimeOffset.TryParseExact(
                    Path.GetFileNameWithoutExtension(file)[prefix.Length..], TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    ? at
                    : (DateTimeOffset?)null)
                .Max()
            : null;

    /// <summary>Copies the database of <paramref name="connectionString"/> to <paramref name="target"/>; null when written, otherwise why not.</summary>
    public static async Task<string?> BackupAsync(string connectionString, string target, CancellationToken ct)
    {
        var database = new SqliteConnectionFactory(connectionString);
        if (!database.IsFile || !File.Exists(database.Location))
        {
            return $"there is no database file at {database.Location} to back up.";
        }

        if (BackupTarget.Prepare(target, out var taken) is not { } place)
        {
            return taken;
        }

        var partial = place.Partial;
        try
        {
            DeleteWithSidecars(partial);
            await using (var source = await OpenAsync(database.Location, SqliteOpenMode.ReadWrite, ct).ConfigureAwait(false))
            await using (var copy = await OpenAsync(partial, SqliteOpenMode.ReadWriteCreate, ct).ConfigureAwait(false))
            {
                source.BackupDatabase(copy);
                if (await IntegrityProblemAsync(copy, ct).ConfigureAwait(false) is { } problem)
                {
                    return $"the copy of {database.Location} failed its integrity check ({problem}); nothing was written.";
                }
            }

            File.Move(partial, place.Path);
            return null;
        }
        finally
        {
            DeleteWithSidecars(partial);
        }
    }

    /// <summary>Null when <paramref name="backup"/> is a whole NetworkBot database this build can read; otherwise why not.</summary>
    public static async Task<string?> RestorableProblemAsync(string backup, CancellationToken ct)
    {
        backup = Path.GetFullPath(backup);
        if (!File.Exists(backup))
        {
            return $"there is no file {backup}.";
        }

        try
        {
            await using var connection = await OpenAsync(backup, SqliteOpenMode.ReadWrite, ct).ConfigureAwait(false);
            if (await IntegrityProblemAsync(connection, ct).ConfigureAwait(false) is { } problem)
            {
                return $"{backup} is damaged ({problem}).";
            }

            if (await ScalarAsync(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'", ct).ConfigureAwait(false) == 0)
            {
                return $"{backup} is a SQLite database but not NetworkBot's (it has no schema_migrations table).";
            }

            var version = await ScalarAsync(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", ct).ConfigureAwait(false);
            return version > SqliteMigrations.LatestVersion
                ? $"{backup} has schema version {version}, newer than the {SqliteMigrations.LatestVersion} this build knows; restore it with a newer build."
                : null;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26 or 11)
        {
            // SQLITE_NOTADB, SQLITE_CORRUPT: not a SQLite file at all, or one too damaged to read its schema.
            return $"{backup} is not a readable SQLite database ({e.SqliteErrorCode}).";
        }
    }

    /// <summary>
    /// Puts <paramref name="backup"/> (checked with <see cref="RestorableProblemAsync"/>) in the place of the database of
    /// <paramref name="connectionString"/>, whose holder must hold its <see cref="DatabaseLock"/>. The current database,
    /// its write-ahead log folded in first, is kept beside it as <c>&lt;db&gt;.before-restore-&lt;time&gt;</c>; that path is
    /// returned, or null when there was none. Its stale <c>-wal</c> and <c>-shm</c> files are removed, so SQLite never
    /// replays the old log over the restored file.
    /// </summary>
    public static async Task<string?> RestoreAsync(string connectionString, string backup, DateTimeOffset at, CancellationToken ct)
    {
        var database = new SqliteConnectionFactory(connectionString);
        if (!database.IsFile)
        {
            throw new ArgumentException($"the database {database.Location} is not a file; there is nothing to restore into.", nameof(connectionString));
        }

        // Pooled connections of this process would go on reading the replaced file, which they still hold open.
        SqliteConnection.ClearAllPools();
        string? kept = null;
        if (File.Exists(database.Location))
        {
            await using (var current = await OpenAsync(database.Location, SqliteOpenMode.ReadWrite, ct).ConfigureAwait(false))
            {
                await ScalarAsync(current, "PRAGMA wal_checkpoint(TRUNCATE)", ct).ConfigureAwait(false);
            }

            kept = BackupTarget.BeforeRestore(database.Location, at);
            File.Move(database.Location, kept);
        }

        DeleteWithSidecars(database.Location);
        Directory.CreateDirectory(Path.GetDirectoryName(database.Location)!);
        var partial = database.Location + ".restoring";
        File.Copy(Path.GetFullPath(backup), partial, overwrite: true);
        File.Move(partial, database.Location);
        return kept;
    }

    /// <summary>A connection of its own (unpooled, so nothing keeps the file open once it is closed).</summary>
    private static async Task<SqliteConnection> OpenAsync(string path, SqliteOpenMode mode, CancellationToken ct)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            await ScalarAsync(connection, "PRAGMA busy_timeout=5000", ct).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The first line <c>PRAGMA integrity_check</c> reports when it is not <c>ok</c>, or null.</summary>
    private static async Task<string?> IntegrityProblemAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var result = (string?)await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
        return result == "ok" ? null : result;
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static void DeleteWithSidecars(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }
    }
}

using LiteDB;

namespace NetworkBot.Storage.LiteDb;

/// <summary>
/// Copies of a LiteDB file. Only the process that has the file open can copy it consistently: on its writer thread
/// (<see cref="LiteDbWriter.MaintainAsync{T}"/>) a checkpoint folds the log into the data file, and no write can start
/// before the copy of that one file is done, so the copy is the database as of one commit. That process is the one
/// holding the <see cref="Sqlite.DatabaseLock"/>: <c>run</c> (its daily backups) or the <c>backup</c> verb itself. A copy is
/// written to a hidden <c>.partial</c> file, opened read-only as a LiteDB file of its own (another path, so no second
/// <see cref="LiteDatabase"/> of the live file) to check its version and read a collection, and only then renamed: a
/// file with the backup's name is always whole. Refusals are one sentence, as <see cref="Sqlite.SqliteBackup"/>'s.
/// </summary>
public static class LiteDbBackup
{
    /// <summary>Copies the LiteDB file of <paramref name="connectionString"/> to <paramref name="target"/>; null when written, otherwise why not.</summary>
    public static async Task<string?> BackupAsync(string connectionString, string target, CancellationToken ct)
    {
        var location = LiteDbFile.LocationOf(connectionString);
        if (!File.Exists(location))
        {
            return $"there is no database file at {location} to back up.";
        }

        if (BackupTarget.Prepare(target, out var taken) is not { } place)
        {
            return taken;
        }

        var partial = place.Partial;
        var file = LiteDbFile.Acquire(connectionString);
        try
        {
            await file.Writer.MaintainAsync(
                db =>
                {
                    db.Checkpoint();
                    File.Copy(location, partial, overwrite: true);
                    return true;
                },
                ct).ConfigureAwait(false);
            if (Problem(partial) is { } problem)
            {
                return $"the copy of {location} failed its check: it {problem}; nothing was written.";
            }

            File.Move(partial, place.Path);
            return null;
        }
        finally
        {
            file.Release();
            File.Delete(partial);
        }
    }

    /// <summary>Null when <paramref name="backup"/> is a whole NetworkBot LiteDB file this build can read; otherwise why not.</summary>
    public static string? RestorableProblem(string backup)
    {
        backup = Path.GetFullPath(backup);
        return !File.Exists(backup) ? $"there is no file {backup}."
            : Problem(backup) is { } problem ? $"{backup} {problem}."
            : null;
    }

    /// <summary>
    /// Puts <paramref name="backup"/> (checked with <see cref="RestorableProblem"/>) in the place of the LiteDB file of
    /// <paramref name="connectionString"/>, whose holder must hold its <see cref="Sqlite.DatabaseLock"/> and not have it
    /// open. The current file, its log folded in first, is kept beside it as <c>&lt;file&gt;.before-restore-&lt;time&gt;</c>;
    /// that path is returned, or null when there was none. No log is left beside the restored file, so LiteDB never
    /// replays the old one over it.
    /// </summary>
    public static async Task<string?> RestoreAsync(string connectionString, string backup, DateTimeOffset at, CancellationToken ct)
    {
        var location = LiteDbFile.LocationOf(connectionString);
        string? kept = null;
        if (File.Exists(location))
        {
            var current = LiteDbFile.Acquire(connectionString);
            try
            {
                await current.Writer.CheckpointAsync(ct).ConfigureAwait(false);
            }
            finally
            {
                current.Release();
            }

            kept = BackupTarget.BeforeRestore(location, at);
            File.Move(location, kept);
        }

        File.Delete(LogOf(location));
        Directory.CreateDirectory(Path.GetDirectoryName(location)!);
        var partial = location + ".restoring";
        File.Copy(Path.GetFullPath(backup), partial, overwrite: true);
        File.Move(partial, location);
        return kept;
    }

    /// <summary>
    /// What is wrong with the LiteDB file at <paramref name="path"/> (a predicate for "is"), or null when it is a
    /// NetworkBot file of a version this build knows whose communities can be read. Opened read-only, without a
    /// collation, so the file's own is used.
    /// </summary>
    private static string? Problem(string path)
    {
        if (!LiteDbFile.HasLiteDbHeader(path))
        {
            return "is not a readable LiteDB file (no LiteDB header)";
        }

        try
        {
            using var db = new LiteDatabase(new LiteDB.ConnectionString { Filename = path, Connection = ConnectionType.Direct, ReadOnly = true });
            var version = db.UserVersion;
            if (version == 0)
            {
                return "is a LiteDB file but not NetworkBot's (it has no schema version)";
            }

            if (version > LiteDbSchema.Version)
            {
                return $"has schema version {version}, newer than the {LiteDbSchema.Version} this build knows; restore it with a newer build";
            }

            _ = db.GetCollection(LiteDbCollections.Communities).Count();
            return null;
        }
        catch (Exception exception) when (exception is LiteException or InvalidOperationException or IOException or ArgumentException or IndexOutOfRangeException)
        {
            // Not a LiteDB file at all, or one too damaged to read its header or a collection.
            return $"is not a readable LiteDB file ({exception.Message})";
        }
    }

    /// <summary>LiteDB's log file of the data file at <paramref name="location"/>: <c>networkbot-log.litedb</c> beside <c>networkbot.litedb</c>.</summary>
    private static string LogOf(string location) =>
        Path.Combine(Path.GetDirectoryName(location)!, Path.GetFileNameWithoutExtension(location) + "-log" + Path.GetExtension(location));
}

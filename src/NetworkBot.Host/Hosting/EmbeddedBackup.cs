using NetworkBot.Storage;
using NetworkBot.Storage.LiteDb;
using NetworkBot.Storage.Sqlite;

namespace NetworkBot.Host.Hosting;

/// <summary>
/// The backups of the configured embedded store, SQLite's (<see cref="SqliteBackup"/>) or LiteDB's
/// (<see cref="LiteDbBackup"/>), for the verbs and the daily backup alike. Both name their copies the same way
/// (<see cref="SqliteBackup.TimestampedPath"/>), so one folder's daily copies are kept and pruned the same whichever the store.
/// </summary>
internal static class EmbeddedBackup
{
    /// <summary>Copies the database to <paramref name="target"/>; null when written, otherwise why not.</summary>
    public static Task<string?> BackupAsync(StorageOptions storage, string target, CancellationToken ct) =>
        storage.IsLiteDb
            ? LiteDbBackup.BackupAsync(storage.ConnectionString, target, ct)
            : SqliteBackup.BackupAsync(storage.ConnectionString, target, ct);

    /// <summary>Null when <paramref name="backup"/> can be restored into this store by this build; otherwise why not.</summary>
    public static Task<string?> RestorableProblemAsync(StorageOptions storage, string backup, CancellationToken ct) =>
        storage.IsLiteDb ? Task.FromResult(LiteDbBackup.RestorableProblem(backup)) : SqliteBackup.RestorableProblemAsync(backup, ct);

    /// <summary>Puts <paramref name="backup"/> in the database's place; the path the replaced database is kept at, or null.</summary>
    public static Task<string?> RestoreAsync(StorageOptions storage, string backup, DateTimeOffset at, CancellationToken ct) =>
        storage.IsLiteDb
            ? LiteDbBackup.RestoreAsync(storage.ConnectionString, backup, at, ct)
            : SqliteBackup.RestoreAsync(storage.ConnectionString, backup, at, ct);
}

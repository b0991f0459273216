using Microsoft.Data.Sqlite;
using NetworkBot.Storage.Sqlite;

namespace NetworkBot.Storage.Tests.Sqlite;

/// <summary><see cref="SqliteBackup"/> on real files: a copy holds what was committed when it began, and an old backup restored is migrated.</summary>
public sealed class SqliteBackupTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly TempDatabase source = new();
    private readonly TempDatabase target = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await source.DisposeAsync();
        await target.DisposeAsync();
    }

    [Fact]
    public async Task A_backup_beside_an_open_write_transaction_neither_waits_for_it_nor_copies_it()
    {
        await source.Migrator().MigrateAsync(Ct);
        await source.ExecuteAsync("CREATE TABLE notes (text TEXT NOT NULL); INSERT INTO notes VALUES ('committed')");
        var copy = Path.Combine(Path.GetDirectoryName(source.FilePath)!, "copy.db");
        await using var writer = new SqliteConnection(source.ConnectionString);
        await writer.OpenAsync(Ct);
        await using var transaction = writer.BeginTransaction();
        await using (var insert = writer.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO notes VALUES ('not yet committed')";
            await insert.ExecuteNonQueryAsync(Ct);
        }

        var refusal = await SqliteBackup.BackupAsync(source.ConnectionString, copy, Ct);

        Assert.Null(refusal);
        // Nothing of the copy's making is left beside it (the source's own log files belong to the open writer).
        Assert.Equal(["copy.db", "networkbot.db", "networkbot.db-shm", "networkbot.db-wal"], Directory.GetFiles(Path.GetDirectoryName(copy)!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        await using var read = new SqliteConnection($"Data Source={copy};Pooling=False");
        await read.OpenAsync(Ct);
        await using var count = read.CreateCommand();
        count.CommandText = "SELECT group_concat(text) FROM notes";
        Assert.Equal("committed", await count.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task A_backup_of_an_older_schema_restored_over_a_newer_database_is_migrated_at_the_next_start()
    {
        await source.Migrator().MigrateAsync(1, Ct);
        await target.Migrator().MigrateAsync(Ct);
        var copy = Path.Combine(Path.GetDirectoryName(source.FilePath)!, "version-1.db");
        Assert.Null(await SqliteBackup.BackupAsync(source.ConnectionString, copy, Ct));

        Assert.Null(await SqliteBackup.RestorableProblemAsync(copy, Ct));
        var kept = await SqliteBackup.RestoreAsync(target.ConnectionString, copy, new DateTimeOffset(2026, 12, 7, 0, 40, 0, TimeSpan.Zero), Ct);
        var report = await target.Migrator().MigrateAsync(Ct);

        Assert.Equal(target.FilePath + ".before-restore-20261207T004000Z", kept);
        Assert.True(File.Exists(kept));
        Assert.Equal((1, SqliteMigrations.LatestVersion), (report.FromVersion, report.ToVersion));
    }
}

using Microsoft.Data.Sqlite;
using NetworkBot.Host.Hosting;
using NetworkBot.Host.Tests.Export;
using NetworkBot.Slack.Tests.Fakes;
using NetworkBot.Storage;
using NetworkBot.Storage.Sqlite;
using NetworkBot.Tests;

namespace NetworkBot.Host.Tests.Backup;

/// <summary>
/// <c>networkbot backup</c>, <c>run</c>'s daily backup and <c>networkbot restore</c> through the real verbs, on the rich
/// SQLite database of <see cref="ExportSources"/> (the demo community and a shell community with everything a
/// community can store); what a copy holds is read back with <c>export</c>. LiteDB's in the other part of the class.
/// </summary>
public sealed partial class BackupTests(ExportSources sources) : IClassFixture<ExportSources>, IAsyncLifetime
{
    private readonly CancellationTokenSource guard = new(TimeSpan.FromMinutes(3));
    private readonly TempDatabase files = new();
    private readonly List<CliRunner> runners = [];
    private FakeSlackApi slack = null!;

    private CancellationToken Guard => guard.Token;

    public async Task InitializeAsync() => slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync()
    {
        await slack.DisposeAsync();
        foreach (var runner in runners)
        {
            runner.Dispose();
        }

        files.Dispose();
        guard.Dispose();
    }

    [Fact]
    public async Task While_run_holds_the_database_a_backup_is_taken_and_reads_back_everything_and_the_daily_one_keeps_only_the_newest()
    {
        var (source, _) = await sources.SourceAsync(StorageOptions.SqliteProvider);
        var folder = Path.Combine(files.Folder, "backups");
        Directory.CreateDirectory(folder);
        // The newest half a day before run starts (the test clock's 2026-11-21 12:00): no backup at start, one a day later.
        string[] older = ["networkbot-daily-20261118T120000Z.db", "networkbot-daily-20261119T120000Z.db", "networkbot-daily-20261121T000000Z.db"];
        foreach (var name in older)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name), "an older daily backup", Guard);
        }

        var unrelated = Path.Combine(folder, "keep-me.db");
        await File.WriteAllTextAsync(unrelated, "not a daily backup", Guard);
        source.Settings["Storage:Backups:Folder"] = folder;
        source.Settings["Storage:Backups:Keep"] = "2";
        source.Settings["Slack:BotToken"] = "xoxb-fake-bot-token";
        source.Settings["Slack:SigningSecret"] = "fake-signing-secret-0123456789ab";
        source.Settings["Slack:ApiBaseUrl"] = slack.BaseUrl.ToString();
        source.Settings["Urls"] = "http://127.0.0.1:0";
        using var pruned = new FileSystemWatcher(folder, "networkbot-daily-*.db") { EnableRaisingEvents = true };
        var firstPruned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pruned.Deleted += (_, _) => firstPruned.TrySetResult();
        using var stop = new CancellationTokenSource();
        var copy = Path.Combine(files.Folder, "manual", "networkbot.db");

        // The clock passes a day, and again each time run starts a timer, until the daily backup has pruned the older ones.
        var clock = new TimerCountingTimeProvider();
        source.Clock = clock;
        var run = source.RunAsync(string.Empty, stop.Token, "run");
        await clock.AdvanceUntilAsync(Task.WhenAny(firstPruned.Task, run), DailyBackupService.Interval).WaitAsync(Guard);
        Assert.False(run.IsCompleted, run.IsCompleted ? (await run).Error : null);
        var refused = await source.RunAsync(string.Empty, "export");
        var backup = await source.RunAsync(string.Empty, "backup", copy);
        var restoreRefused = await source.RunAsync(string.Empty, "restore", copy);
        Assert.False(run.IsCompleted);
        await stop.CancelAsync();
        var ran = await run.WaitAsync(Guard);

        Assert.True(ran.Exit == 0, ran.Error);
        Assert.Equal(DatabaseLock.InUseExitCode, refused.Exit);
        Assert.Equal(DatabaseLock.InUseExitCode, restoreRefused.Exit);
        Assert.EndsWith(", `run`); stop it first or point Storage:ConnectionString elsewhere" + Environment.NewLine, restoreRefused.Error, StringComparison.Ordinal);
        Assert.True(backup.Exit == 0, backup.Error);
        Assert.StartsWith($"Backed up to {copy} (", backup.Out, StringComparison.Ordinal);
        Assert.Equal([copy], Directory.GetFiles(Path.GetDirectoryName(copy)!));
        var daily = Directory.GetFiles(folder, "networkbot-daily-*.db").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, daily.Count);
        Assert.True(string.CompareOrdinal(Path.GetFileName(daily[^1]), "networkbot-daily-20261122T120000Z.db") >= 0, daily[^1]);
        Assert.DoesNotContain(daily, file => Path.GetFileName(file) == older[0] || Path.GetFileName(file) == older[1]);
        Assert.True(File.Exists(unrelated));
        Assert.Null(await SqliteBackup.RestorableProblemAsync(daily[^1], Guard));
        Assert.Equal(await ExportAsync(source.ConnectionString), await ExportAsync($"Data Source={copy}"));
    }

    [Fact]
    public async Task A_restore_puts_the_backup_in_place_keeps_the_replaced_database_and_exports_as_the_backup_does()
    {
        var (source, _) = await sources.SourceAsync(StorageOptions.SqliteProvider);
        var copy = Path.Combine(files.Folder, "networkbot-backup.db");
        Assert.Equal(0, (await source.RunAsync(string.Empty, "backup", copy)).Exit);
        var target = Runner();
        Assert.Equal(0, (await target.RunAsync("/coffee join\n/quit\n", "shell", "--community", "before")).Exit);
        var before = await ExportAsync(target.ConnectionString);

        var restore = await target.RunAsync(string.Empty, "restore", copy);
        var restored = await ExportAsync(target.ConnectionString);

        Assert.True(restore.Exit == 0, restore.Error);
        var kept = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(target.DatabasePath)!, "networkbot.db.before-restore-*"));
        Assert.Contains($"the database it replaced is kept as {kept}", restore.Out, StringComparison.Ordinal);
        Assert.Equal(await ExportAsync($"Data Source={copy}"), restored);
        Assert.Contains("\"shell:demo\"", restored, StringComparison.Ordinal);
        Assert.Equal(before, await ExportAsync($"Data Source={kept}"));
    }

    [Fact]
    public async Task A_restore_is_refused_while_run_holds_the_database_and_changes_nothing()
    {
        var (target, copy) = await EmptyDatabaseWithBackupAsync();
        Assert.True(DatabaseLock.TryAcquire(target.ConnectionString, "run", TimeProvider.System, out var held, out _));
        using (held)
        {
            var (exit, output, error) = await target.RunAsync(string.Empty, "restore", copy);

            Assert.Equal(DatabaseLock.InUseExitCode, exit);
            Assert.StartsWith($"networkbot: the database {target.DatabasePath} is in use by another NetworkBot process (pid {Environment.ProcessId}, started ", error, StringComparison.Ordinal);
            Assert.Equal("", output);
        }

        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(target.DatabasePath)!, "*.before-restore-*"));
    }

    [Fact]
    public async Task A_restore_of_a_file_that_is_not_a_database_is_refused_in_one_line()
    {
        var target = Runner();
        var text = Path.Combine(files.Folder, "notes.db");
        await File.WriteAllTextAsync(text, string.Concat(Enumerable.Repeat("not a database at all\n", 200)), Guard);

        var (exit, _, error) = await target.RunAsync(string.Empty, "restore", text);

        Assert.Equal(1, exit);
        Assert.Equal($"networkbot restore: {text} is not a readable SQLite database (26). Nothing was changed.{Environment.NewLine}", error);
        Assert.False(File.Exists(target.DatabasePath));
    }

    [Fact]
    public async Task A_restore_of_a_schema_newer_than_this_build_is_refused_in_one_line()
    {
        var (target, copy) = await EmptyDatabaseWithBackupAsync();
        long latest;
        await using (var connection = new SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            await connection.OpenAsync(Guard);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT MAX(version) FROM schema_migrations";
            latest = (long)(await command.ExecuteScalarAsync(Guard))!;
            command.CommandText = $"INSERT INTO schema_migrations (version, description, applied_at) VALUES ({latest + 1}, 'from a newer build', '2027-01-01')";
            await command.ExecuteNonQueryAsync(Guard);
        }

        var (exit, _, error) = await target.RunAsync(string.Empty, "restore", copy);

        Assert.Equal(1, exit);
        Assert.Equal(
            $"networkbot restore: {copy} has schema version {latest + 1}, newer than the {latest} this build knows; restore it with a newer build. Nothing was changed.{Environment.NewLine}",
            error);
    }

    [Theory]
    [InlineData(StorageOptions.SqliteProvider)]
    [InlineData(StorageOptions.LiteDbProvider)]
    public async Task A_backup_is_refused_without_a_database_and_onto_an_existing_file(string provider)
    {
        var empty = Runner(provider);
        var taken = Path.Combine(files.Folder, "taken.db");
        await File.WriteAllTextAsync(taken, "someone's file", Guard);

        var missing = await empty.RunAsync(string.Empty, "backup", Path.Combine(files.Folder, "new.db"));
        Assert.Equal(0, (await empty.RunAsync(string.Empty, "migrate")).Exit);
        var existing = await empty.RunAsync(string.Empty, "backup", taken);

        Assert.Equal((1, $"networkbot backup: there is no database file at {empty.DatabasePath} to back up.{Environment.NewLine}"), (missing.Exit, missing.Error));
        Assert.False(File.Exists(Path.Combine(files.Folder, "new.db")));
        Assert.Equal((1, $"networkbot backup: {taken} exists already; name a new file.{Environment.NewLine}"), (existing.Exit, existing.Error));
        Assert.Equal("someone's file", await File.ReadAllTextAsync(taken, Guard));
    }

    [Fact]
    public async Task A_backup_without_a_path_goes_to_a_timestamped_file_in_the_backups_folder()
    {
        var database = Runner();
        database.Clock = new TimerCountingTimeProvider();
        database.Settings["Storage:Backups:Folder"] = Path.Combine(files.Folder, "default");
        Assert.Equal(0, (await database.RunAsync(string.Empty, "migrate")).Exit);

        var (exit, output, error) = await database.RunAsync(string.Empty, "backup");

        Assert.True(exit == 0, error);
        var written = Path.Combine(files.Folder, "default", "networkbot-20261121T120000Z.db");
        Assert.StartsWith($"Backed up to {written} (", output, StringComparison.Ordinal);
        Assert.Null(await SqliteBackup.RestorableProblemAsync(written, Guard));
    }

    [Fact]
    public async Task On_PostgreSQL_a_backup_is_refused_in_one_line_naming_pg_dump()
    {
        var database = Runner();
        database.Settings["Storage:Provider"] = "postgres";
        database.Settings["Storage:ConnectionString"] = "Host=127.0.0.1;Database=networkbot;Username=bot";

        var (exit, output, error) = await database.RunAsync(string.Empty, "backup");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("networkbot backup: the database is PostgreSQL; use pg_dump", error, StringComparison.Ordinal);
    }

    /// <summary>A database with the schema and nothing else, and a backup of it.</summary>
    private async Task<(CliRunner Database, string Backup)> EmptyDatabaseWithBackupAsync()
    {
        var database = Runner();
        Assert.Equal(0, (await database.RunAsync(string.Empty, "migrate")).Exit);
        var backup = Path.Combine(files.Folder, "empty-backup.db");
        Assert.Equal(0, (await database.RunAsync(string.Empty, "backup", backup)).Exit);
        return (database, backup);
    }

    private CliRunner Runner(string provider = StorageOptions.SqliteProvider)
    {
        var runner = new CliRunner(provider);
        runners.Add(runner);
        return runner;
    }

    /// <summary>The whole export of the SQLite database at <paramref name="connectionString"/>.</summary>
    private async Task<string> ExportAsync(string connectionString)
    {
        var reader = Runner();
        reader.Settings["Storage:ConnectionString"] = connectionString;
        var export = await reader.RunAsync(string.Empty, "export");
        Assert.True(export.Exit == 0, export.Error);
        return export.Out;
    }
}

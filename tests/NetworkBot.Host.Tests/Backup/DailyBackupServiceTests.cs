using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Host.Hosting;
using NetworkBot.Storage;
using NetworkBot.Storage.Sqlite;
using NetworkBot.Tests;

namespace NetworkBot.Host.Tests.Backup;

/// <summary><c>run</c>'s daily backup on its own: a failure is one warning and the next day tries again; bad options are one line each.</summary>
public sealed class DailyBackupServiceTests : IDisposable
{
    private readonly CancellationTokenSource guard = new(TimeSpan.FromMinutes(1));
    private readonly CliRunner cli = new();
    private readonly TimerCountingTimeProvider clock = new();

    public void Dispose()
    {
        cli.Dispose();
        guard.Dispose();
    }

    [Fact]
    public async Task A_failed_daily_backup_is_one_warning_and_the_next_day_backs_up_again()
    {
        Assert.Equal(0, (await cli.RunAsync(string.Empty, "migrate")).Exit);
        // A file where the folder should be: the first backup cannot make its folder.
        var folder = Path.Combine(Path.GetDirectoryName(cli.DatabasePath)!, "backups");
        await File.WriteAllTextAsync(folder, "in the way", guard.Token);
        var log = new RecordingLogger<DailyBackupService>();
        var storage = new StorageOptions { ConnectionString = cli.ConnectionString, Backups = { Folder = folder, Keep = 1 } };
        using var service = new DailyBackupService(Options.Create(storage), clock, log);

        // No daily backup yet: the first is made at start, and fails.
        await service.StartAsync(guard.Token);
        var failed = await log.Lines.ReadAsync(guard.Token);
        File.Delete(folder);
        // ExecuteAsync runs on a thread of its own: its day starts once its timer exists.
        await clock.WaitForTimersAsync(1);
        clock.Advance(DailyBackupService.Interval);
        var written = await log.Lines.ReadAsync(guard.Token);
        await service.StopAsync(guard.Token);

        Assert.Equal(LogLevel.Warning, failed.Level);
        Assert.StartsWith("Daily backup failed, tried again tomorrow: IOException: ", failed.Text, StringComparison.Ordinal);
        var backup = Path.Combine(folder, DailyName(clock.GetUtcNow()));
        Assert.Equal((LogLevel.Information, $"Daily backup written to {backup}; 0 older daily backups removed"), written);
        Assert.Equal([backup], Directory.GetFiles(folder));
        Assert.False(log.Lines.TryRead(out _));
    }

    [Theory]
    [InlineData(25, true)]
    [InlineData(23, false)]
    public async Task A_bot_restarted_backs_up_at_start_only_when_the_newest_daily_backup_is_a_day_old(int hoursOld, bool backsUpAtStart)
    {
        Assert.Equal(0, (await cli.RunAsync(string.Empty, "migrate")).Exit);
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(cli.DatabasePath)!, "backups")).FullName;
        var previous = Path.Combine(folder, DailyName(clock.GetUtcNow().AddHours(-hoursOld)));
        await File.WriteAllTextAsync(previous, "yesterday's backup", guard.Token);
        var log = new RecordingLogger<DailyBackupService>();
        var storage = new StorageOptions { ConnectionString = cli.ConnectionString, Backups = { Folder = folder, Keep = 5 } };
        using var service = new DailyBackupService(Options.Create(storage), clock, log);

        await service.StartAsync(guard.Token);
        await clock.WaitForTimersAsync(1);
        await service.StopAsync(guard.Token);

        var atStart = Path.Combine(folder, DailyName(clock.GetUtcNow()));
        Assert.Equal(backsUpAtStart, log.Lines.TryRead(out var line));
        Assert.Equal(backsUpAtStart ? [previous, atStart] : [previous], Directory.GetFiles(folder).Order(StringComparer.Ordinal));
        Assert.Equal(backsUpAtStart ? $"Daily backup written to {atStart}; 0 older daily backups removed" : null, line.Text);
    }

    private static string DailyName(DateTimeOffset at) => Path.GetFileName(SqliteBackup.TimestampedPath(".", SqliteBackup.DailyPrefix, at));

    [Theory]
    [InlineData("Storage:Backups:Keep", "-1", "Storage:Backups:Keep must be 0 (no daily backup) or more.")]
    [InlineData("Storage:Backups:Folder", " ", "Storage:Backups:Folder must not be empty.")]
    [InlineData("Storage:CheckpointInterval", "00:00:00", "Storage:CheckpointInterval must be longer than 0 (e.g. 00:05:00).")]
    public async Task A_bad_backup_option_stops_a_verb_with_one_line(string key, string value, string line)
    {
        cli.Settings[key] = value;

        var (exit, _, error) = await cli.RunAsync(string.Empty, "backup");

        Assert.Equal((2, $"networkbot: configuration: {line}{Environment.NewLine}"), (exit, error));
    }
}

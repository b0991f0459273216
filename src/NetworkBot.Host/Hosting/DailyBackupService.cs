using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Storage;
using NetworkBot.Storage.Sqlite;

namespace NetworkBot.Host.Hosting;

/// <summary>
/// <c>run</c>'s daily backup of the embedded database: once a day by <see cref="TimeProvider"/>, a copy in
/// <c>Storage:Backups:Folder</c> (<see cref="EmbeddedBackup"/>: SQLite's or LiteDB's file, which only this process can copy while it holds it), then only the newest <c>Storage:Backups:Keep</c> daily
/// copies stay; also at start when the newest daily copy is a day old or missing, so a bot restarted more often than
/// daily still backs up. Off with <c>Keep</c> 0, and on PostgreSQL (pg_dump's job). A backup that fails is logged once
/// and tried again the next day: it never stops the bot.
/// </summary>
internal sealed partial class DailyBackupService(IOptions<StorageOptions> options, TimeProvider time, ILogger<DailyBackupService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var storage = options.Value;
        if (storage.IsPostgres || storage.Backups.Keep == 0)
        {
            return;
        }

        // A bot restarted more often than daily still backs up: at start, when the newest daily copy is a day old or missing.
        if (SqliteBackup.Newest(storage.Backups.Folder, SqliteBackup.DailyPrefix) is not { } newest || time.GetUtcNow() - newest >= Interval)
        {
            await BackUpAsync(storage, stoppingToken).ConfigureAwait(false);
        }

        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await BackUpAsync(storage, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task BackUpAsync(StorageOptions storage, CancellationToken ct)
    {
        var target = SqliteBackup.TimestampedPath(storage.Backups.Folder, SqliteBackup.DailyPrefix, time.GetUtcNow());
        try
        {
            if (await EmbeddedBackup.BackupAsync(storage, target, ct).ConfigureAwait(false) is { } refusal)
            {
                Failed(logger, refusal);
                return;
            }

            var stale = Directory.GetFiles(Path.GetDirectoryName(target)!, SqliteBackup.DailyPrefix + "*.db")
                .Order(StringComparer.Ordinal)
                .SkipLast(storage.Backups.Keep)
                .ToList();
            foreach (var file in stale)
            {
                File.Delete(file);
            }

            Written(logger, target, stale.Count);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            Failed(logger, $"{e.GetType().Name}: {e.Message}");
        }
    }

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Daily backup written to {Path}; {Removed} older daily backups removed")]
    private static partial void Written(ILogger logger, string path, int removed);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Daily backup failed, tried again tomorrow: {Reason}")]
    private static partial void Failed(ILogger logger, string reason);
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkBot.Core.Storage;

namespace NetworkBot.Host.Hosting;

/// <summary>
/// Brings the schema up to date before any other hosted service starts: the host runs every <c>StartingAsync</c> before
/// the first <c>StartAsync</c>, so no bot or worker sees an old schema whatever the order they were registered in.
/// </summary>
internal sealed partial class MigrationService(IStoreMigrator migrator, ILogger<MigrationService> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var report = await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        Migrated(logger, report.FromVersion, report.ToVersion);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Database schema at version {ToVersion} (was {FromVersion})")]
    private static partial void Migrated(ILogger logger, int fromVersion, int toVersion);
}

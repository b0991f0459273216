using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkBot.Core.Storage;

namespace NetworkBot.Host.Hosting;

/// <summary>Brings the schema up to date before any other worker starts.</summary>
internal sealed partial class MigrationService(IStoreMigrator migrator, ILogger<MigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var report = await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        Migrated(logger, report.FromVersion, report.ToVersion);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Database schema at version {ToVersion} (was {FromVersion})")]
    private static partial void Migrated(ILogger logger, int fromVersion, int toVersion);
}

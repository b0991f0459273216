namespace NetworkBot.Core.Storage;

/// <summary>Creates or upgrades the schema with the versioned migrations; safe to run any number of times.</summary>
public interface IStoreMigrator
{
    Task<MigrationReport> MigrateAsync(CancellationToken ct);
}

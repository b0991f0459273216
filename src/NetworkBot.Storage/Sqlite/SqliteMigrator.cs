using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Relational;

namespace NetworkBot.Storage.Sqlite;

/// <summary>
/// Brings a SQLite database up to <see cref="SqliteMigrations.LatestVersion"/>. Each step runs in its own
/// immediate (write-locking) transaction and re-checks the version inside it, so two processes migrating
/// the same file at once apply every step exactly once. A schema newer than this build knows is refused
/// (<see cref="SchemaNewerThanBuildException"/>) and left as it is: this build cannot read or write it safely.
/// </summary>
public sealed class SqliteMigrator(IOptions<StorageOptions> options, ILogger<SqliteMigrator> logger) : IStoreMigrator
{
    private const string CreateHistory = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     INTEGER NOT NULL PRIMARY KEY,
            description TEXT NOT NULL,
            applied_at  TEXT NOT NULL
        );
        """;

    private readonly SqliteConnectionFactory connections = new(options.Value.ConnectionString);

    public Task<MigrationReport> MigrateAsync(CancellationToken ct) => MigrateAsync(SqliteMigrations.LatestVersion, ct);

    /// <summary>Applies the steps up to and including <paramref name="targetVersion"/> (tests build old schemas with it).</summary>
    internal async Task<MigrationReport> MigrateAsync(int targetVersion, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(targetVersion);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetVersion, SqliteMigrations.LatestVersion);

        await using var connection = await connections.OpenAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(SqliteDialect.Instance, CreateHistory, null, [], ct).ConfigureAwait(false);
        var from = await CurrentVersionAsync(connection, null, ct).ConfigureAwait(false);
        if (from > SqliteMigrations.LatestVersion)
        {
            throw new SchemaNewerThanBuildException(
                $"the schema of {connections.Location} is at version {from}, newer than the {SqliteMigrations.LatestVersion} this build knows; run a newer build (or restore a backup).");
        }

        foreach (var migration in SqliteMigrations.All.Where(m => m.Version > from && m.Version <= targetVersion))
        {
            await ApplyAsync(connection, migration, ct).ConfigureAwait(false);
        }

        var to = await CurrentVersionAsync(connection, null, ct).ConfigureAwait(false);
        return new MigrationReport(from, to, connections.Location);
    }

    private async Task ApplyAsync(SqliteConnection connection, SqliteMigration migration, CancellationToken ct)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        if (await CurrentVersionAsync(connection, transaction, ct).ConfigureAwait(false) >= migration.Version)
        {
            return;
        }

        await connection.ExecuteAsync(SqliteDialect.Instance, migration.Sql, transaction, [], ct).ConfigureAwait(false);
        await connection.ExecuteAsync(
            SqliteDialect.Instance,
            "INSERT INTO schema_migrations (version, description, applied_at) VALUES ($version, $description, $applied_at)",
            transaction,
            [("$version", migration.Version), ("$description", migration.Description), ("$applied_at", DateTimeOffset.UtcNow)],
            ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        StorageLog.MigrationApplied(logger, migration.Version, migration.Description, connections.Location);
    }

    private static async Task<int> CurrentVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken ct)
    {
        var versions = await connection.QueryAsync(
            SqliteDialect.Instance,
            "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", transaction, [], r => r.GetInt32(0), ct).ConfigureAwait(false);
        return versions[0];
    }
}

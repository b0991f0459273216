using Microsoft.Extensions.Logging;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Relational;
using Npgsql;

namespace NetworkBot.Storage.Postgres;

/// <summary>
/// Brings a PostgreSQL database up to <see cref="PostgresMigrations.LatestVersion"/>, at start and by
/// <c>networkbot migrate</c>. The whole run is one transaction holding a transaction-scoped advisory lock, so when
/// several instances start together one migrates and the others wait, then find nothing left to do; PostgreSQL's DDL
/// is transactional, so a failed step leaves the schema as it was. A schema newer than this build knows is refused
/// (<see cref="SchemaNewerThanBuildException"/>) and left as it is.
/// </summary>
public sealed class PostgresMigrator(NpgsqlDataSource dataSource, ILogger<PostgresMigrator> logger) : IStoreMigrator
{
    /// <summary>The advisory lock key of NetworkBot's schema ("NBschema" in ASCII), held only while migrating.</summary>
    internal const long SchemaLockKey = 0x4E42_7363_6865_6D61;

    private const string CreateHistory = """
        CREATE TABLE IF NOT EXISTS networkbot_schema_migrations (
            version     integer NOT NULL PRIMARY KEY,
            description text NOT NULL,
            applied_at  timestamptz NOT NULL
        );
        """;

    public Task<MigrationReport> MigrateAsync(CancellationToken ct) => MigrateAsync(PostgresMigrations.LatestVersion, ct);

    /// <summary>Applies the steps up to and including <paramref name="targetVersion"/>.</summary>
    internal async Task<MigrationReport> MigrateAsync(int targetVersion, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(targetVersion);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetVersion, PostgresMigrations.LatestVersion);

        var location = Location(dataSource);
        await using var connection = await OpenAsync(dataSource, ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(PostgresDialect.Instance, "SELECT pg_advisory_xact_lock(@key)", transaction, [("key", SchemaLockKey)], ct).ConfigureAwait(false);
        await connection.ExecuteAsync(PostgresDialect.Instance, CreateHistory, transaction, [], ct).ConfigureAwait(false);
        var from = await CurrentVersionAsync(connection, transaction, ct).ConfigureAwait(false);
        if (from > PostgresMigrations.LatestVersion)
        {
            throw new SchemaNewerThanBuildException(
                $"the schema of {location} is at version {from}, newer than the {PostgresMigrations.LatestVersion} this build knows; run a newer build (or restore a backup).");
        }

        var applied = new List<PostgresMigration>();
        foreach (var migration in PostgresMigrations.All.Where(m => m.Version > from && m.Version <= targetVersion))
        {
            await connection.ExecuteAsync(PostgresDialect.Instance, migration.Sql, transaction, [], ct).ConfigureAwait(false);
            await connection.ExecuteAsync(
                PostgresDialect.Instance,
                "INSERT INTO networkbot_schema_migrations (version, description, applied_at) VALUES (@version, @description, now())",
                transaction,
                [("version", migration.Version), ("description", migration.Description)],
                ct).ConfigureAwait(false);
            applied.Add(migration);
        }

        var to = await CurrentVersionAsync(connection, transaction, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        foreach (var migration in applied)
        {
            StorageLog.MigrationApplied(logger, migration.Version, migration.Description, location);
        }

        return new MigrationReport(from, to, location);
    }

    /// <summary>
    /// A connection for a verb starting up: a server that cannot be reached or refuses the login is
    /// <see cref="StoreUnavailableException"/>, which the command line ends with one line instead of a stack trace.
    /// </summary>
    internal static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        try
        {
            return await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        }
        catch (NpgsqlException exception)
        {
            throw new StoreUnavailableException($"the PostgreSQL database {Location(dataSource)} could not be opened: {exception.Message}", exception);
        }
    }

    /// <summary>Where the data lives, for reports and logs: host, port and database, never the user or password.</summary>
    internal static string Location(NpgsqlDataSource dataSource)
    {
        var builder = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        return $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
    }

    private static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        var versions = await connection.QueryAsync(
            PostgresDialect.Instance,
            "SELECT COALESCE(MAX(version), 0) FROM networkbot_schema_migrations", transaction, [], r => r.GetInt32(0), ct).ConfigureAwait(false);
        return versions[0];
    }
}

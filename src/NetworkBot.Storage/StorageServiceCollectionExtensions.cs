using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Dashboard;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Introductions;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Platform;
using NetworkBot.Core.Privacy;
using NetworkBot.Core.Scheduling;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.LiteDb;
using NetworkBot.Storage.Postgres;
using NetworkBot.Storage.Sqlite;
using Npgsql;

namespace NetworkBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IStore"/>, <see cref="IExportStore"/> and <see cref="IStoreMigrator"/> for the configured provider, and each feature's
    /// store (<see cref="ICoffeeStore"/>, <see cref="IEventStore"/>…) as that same <see cref="IStore"/> instance, so a
    /// test that registers its own <see cref="IStore"/> first replaces them all. Bad <c>Storage</c> configuration stops
    /// the host at start with one line per problem.
    /// </summary>
    public static IHostApplicationBuilder AddNetworkBotStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .Validate(
                o => o.IsSqlite || o.IsLiteDb || o.IsPostgres,
                "Storage:Provider must be 'sqlite', 'litedb' or 'postgres'.")
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Storage:ConnectionString must not be empty.")
            .Validate(
                o => !o.IsPostgres || string.IsNullOrWhiteSpace(o.ConnectionString) || IsPostgresConnectionString(o.ConnectionString),
                "Storage:ConnectionString must be a PostgreSQL connection string naming its server (Host=…;Database=…;Username=…) when Storage:Provider is postgres.")
            .Validate(
                o => !o.IsLiteDb || string.IsNullOrWhiteSpace(o.ConnectionString) || IsLiteDbConnectionString(o.ConnectionString),
                "Storage:ConnectionString must name a LiteDB file (Filename=data/networkbot.litedb), in direct mode, when Storage:Provider is litedb.")
            .Validate(
                o => o.CheckpointInterval > TimeSpan.Zero,
                "Storage:CheckpointInterval must be longer than 0 (e.g. 00:05:00).")
            .Validate(
                o => o.Backups.Keep >= 0,
                "Storage:Backups:Keep must be 0 (no daily backup) or more.")
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.Backups.Folder),
                "Storage:Backups:Folder must not be empty.")
            .ValidateOnStart();

        // Every provider is registered; IStore, IExportStore and IStoreMigrator are the configured one's, decided when
        // first resolved (after validation), so a PostgreSQL data source is never made for SQLite, nor a file opened for
        // a provider not chosen.
        builder.Services.TryAddSingleton<SqliteStore>();
        builder.Services.TryAddSingleton<SqliteMigrator>();
        builder.Services.TryAddSingleton<LiteDbStore>();
        builder.Services.TryAddSingleton<LiteDbMigrator>();
        builder.Services.TryAddSingleton(sp => NpgsqlDataSource.Create(Options(sp).ConnectionString));
        builder.Services.TryAddSingleton<PostgresStore>();
        builder.Services.TryAddSingleton<PostgresMigrator>();
        builder.Services.TryAddSingleton<PostgresStepLock>();

        builder.Services.TryAddSingleton<IStore>(Configured<IStore, SqliteStore, LiteDbStore, PostgresStore>);
        builder.Services.TryAddSingleton<ICommunityStore>(sp => sp.GetRequiredService<IStore>());
        builder.Services.TryAddSingleton<IMemberStore>(sp => sp.GetRequiredService<IStore>());
        builder.Services.TryAddSingleton<ICoffeeStore>(sp => sp.GetRequiredService<IStore>());
        builder.Services.TryAddSingleton<IInterestStore>(sp => sp.GetRequiredService<IStore>());
        builder.Services.TryAddSingleton<IEventStore>(sp => sp.GetRequiredService<IStore>());
        builder.Services.TryAddSingleton<IConnectionStore>(sp => sp.GetRequiredService<IStore>());
        builder.Services.TryAddSingleton<IOutboxStore>(sp => sp.GetRequiredService<IStore>());
        builder.Services.TryAddSingleton<IPlatformStateStore>(sp => sp.GetRequiredService<IStore>());
        builder.Services.TryAddSingleton<IDashboardStore>(sp => sp.GetRequiredService<IStore>());
        builder.Services.TryAddSingleton<IPrivacyStore>(sp => sp.GetRequiredService<IStore>());
        builder.Services.TryAddSingleton<IAskStore>(sp => sp.GetRequiredService<IStore>());
        builder.Services.TryAddSingleton<IExportStore>(Configured<IExportStore, SqliteStore, LiteDbStore, PostgresStore>);
        builder.Services.TryAddSingleton<IStoreMigrator>(Configured<IStoreMigrator, SqliteMigrator, LiteDbMigrator, PostgresMigrator>);

        // Only a store several instances share needs its scheduler steps locked per community.
        builder.Services.TryAddSingleton<ICommunityStepLock>(
            sp => Options(sp).IsPostgres ? sp.GetRequiredService<PostgresStepLock>() : SingleInstanceStepLock.Instance);
        return builder;
    }

    /// <summary>The configured provider's <typeparamref name="TService"/>.</summary>
    private static TService Configured<TService, TSqlite, TLiteDb, TPostgres>(IServiceProvider services)
        where TSqlite : TService
        where TLiteDb : TService
        where TPostgres : TService
        where TService : notnull
    {
        var options = Options(services);
        return options.IsPostgres ? services.GetRequiredService<TPostgres>()
            : options.IsLiteDb ? services.GetRequiredService<TLiteDb>()
            : services.GetRequiredService<TSqlite>();
    }

    /// <summary>Whether <paramref name="connectionString"/> names a LiteDB file to open in direct mode.</summary>
    private static bool IsLiteDbConnectionString(string connectionString)
    {
        try
        {
            LiteDbFile.LocationOf(connectionString);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Whether Npgsql reads <paramref name="connectionString"/> and it names a host (SQLite's default names a file).</summary>
    private static bool IsPostgresConnectionString(string connectionString)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static StorageOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value;
}

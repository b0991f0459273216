using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Sqlite;

namespace NetworkBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IStore"/> and <see cref="IStoreMigrator"/> for the configured provider. Bad
    /// <c>Storage</c> configuration stops the host at start with one line per problem.
    /// </summary>
    public static IHostApplicationBuilder AddNetworkBotStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .Validate(
                o => o.IsSqlite,
                "Storage:Provider must be 'sqlite'; PostgreSQL support arrives with a later change.")
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Storage:ConnectionString must not be empty.")
            .ValidateOnStart();

        builder.Services.TryAddSingleton<IStore, SqliteStore>();
        builder.Services.TryAddSingleton<IStoreMigrator, SqliteMigrator>();
        return builder;
    }
}

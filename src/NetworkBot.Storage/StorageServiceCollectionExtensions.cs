using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Platform;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Sqlite;

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
                o => o.IsSqlite,
                "Storage:Provider must be 'sqlite'; PostgreSQL support arrives with a later change.")
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Storage:ConnectionString must not be empty.")
            .ValidateOnStart();

        builder.Services.TryAddSingleton<IStore, SqliteStore>();
        builder.Services.TryAddSingleton<ICommunityStore>(sp => sp.GetRequiredService<IStore>());
        builder.Services.TryAddSingleton<IMemberStore>(sp => sp.GetRequiredService<IStore>());
        builder.Services.TryAddSingleton<ICoffeeStore>(sp => sp.GetRequiredService<IStore>());
        builder.Services.TryAddSingleton<IInterestStore>(sp => sp.GetRequiredService<IStore>());
        builder.Services.TryAddSingleton<IEventStore>(sp => sp.GetRequiredService<IStore>());
        builder.Services.TryAddSingleton<IConnectionStore>(sp => sp.GetRequiredService<IStore>());
        builder.Services.TryAddSingleton<IOutboxStore>(sp => sp.GetRequiredService<IStore>());
        builder.Services.TryAddSingleton<IPlatformStateStore>(sp => sp.GetRequiredService<IStore>());
        builder.Services.TryAddSingleton<IExportStore, SqliteStore>();
        builder.Services.TryAddSingleton<IStoreMigrator, SqliteMigrator>();
        return builder;
    }
}

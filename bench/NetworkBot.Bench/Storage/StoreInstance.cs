using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkBot.Core;
using NetworkBot.Core.Storage;
using NetworkBot.Storage;

namespace NetworkBot.Bench.Storage;

/// <summary>
/// One store as one bot process has it: the services <see cref="StorageServiceCollectionExtensions.AddNetworkBotStorage"/>
/// and <see cref="CoreServiceCollectionExtensions.AddNetworkBotCore"/> register for the given provider and connection
/// string, the database migrated by the provider's migrator. Two instances over one database have two data sources and
/// two connection pools, as two processes would.
/// </summary>
internal sealed class StoreInstance(IHost host) : IDisposable
{
    public IServiceProvider Services => host.Services;

    public IStore Store { get; } = host.Services.GetRequiredService<IStore>();

    /// <param name="replace">Registers services before the bot's own, which then keep them (they are added with TryAdd).</param>
    public static async Task<StoreInstance> OpenAsync(string provider, string connectionString, Action<IServiceCollection>? replace, CancellationToken ct)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"] = provider,
            [$"{StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)}"] = connectionString,
        });
        replace?.Invoke(builder.Services);
        builder.AddNetworkBotStorage();
        builder.AddNetworkBotCore();
        var host = builder.Build();
        try
        {
            await host.Services.GetRequiredService<IStoreMigrator>().MigrateAsync(ct);
            return new StoreInstance(host);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public void Dispose() => host.Dispose();
}

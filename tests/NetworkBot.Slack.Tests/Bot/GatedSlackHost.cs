using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkBot.Core;
using NetworkBot.Core.Storage;
using NetworkBot.Discord.Tests.Interactions;
using NetworkBot.Storage;
using NetworkBot.Storage.Sqlite;

namespace NetworkBot.Slack.Tests.Bot;

/// <summary>
/// Core's real command layer and the real Slack wiring over a migrated SQLite file, on the test's clock, with the
/// store behind a <see cref="GatedStore"/> the test can hold; with <see cref="SlackBot"/> running too when asked.
/// </summary>
internal static class GatedSlackHost
{
    public static async Task<(IHost Host, GatedStore Gate)> BuildAsync(IReadOnlyDictionary<string, string?> settings, TimeProvider clock, bool runBot)
    {
        GatedStore? gate = null;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddSingleton(clock);
        builder.AddNetworkBotCore();
        builder.AddNetworkBotStorage();
        builder.Services.AddSingleton(sp => GatedStore.Wrap(ActivatorUtilities.CreateInstance<SqliteStore>(sp), out gate));
        builder.AddSlack();
        if (runBot)
        {
            builder.HostSlackBot();
        }

        var host = builder.Build();
        await host.Services.GetRequiredService<IStoreMigrator>().MigrateAsync(CancellationToken.None);
        _ = host.Services.GetRequiredService<IStore>(); // creates the gate
        return (host, gate!);
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkBot.Core.Storage;
using NetworkBot.Storage;

namespace NetworkBot.Host.Tests.Journeys;

/// <summary>A second reader of the bot's database, through the real store, to check what a journey stored.</summary>
public sealed class JourneyStore : IDisposable
{
    private readonly IHost host;

    /// <param name="provider">The <c>Storage:Provider</c> the bot runs on; null for the default, SQLite.</param>
    public JourneyStore(string connectionString, string? provider = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var settings = new Dictionary<string, string?> { ["Storage:ConnectionString"] = connectionString };
        if (provider is not null)
        {
            settings["Storage:Provider"] = provider;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddNetworkBotStorage();
        host = builder.Build();
    }

    public IStore Store => host.Services.GetRequiredService<IStore>();

    public void Dispose() => host.Dispose();
}

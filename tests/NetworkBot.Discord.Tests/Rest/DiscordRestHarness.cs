using NetworkBot.Discord.Tests.Fixtures;
using NetworkBot.Tests;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkBot.Discord.Rest;

namespace NetworkBot.Discord.Tests.Rest;

/// <summary>
/// The real DI wiring from <c>AddDiscord()</c>, pointed at a <see cref="FakeDiscordServer"/> and driven by a
/// <see cref="TimerCountingTimeProvider"/> registered before it (AddDiscord only TryAdds its clock).
/// </summary>
public sealed class DiscordRestHarness : IAsyncDisposable
{
    public const string Token = "test-token.abc";

    private readonly IHost host;

    private DiscordRestHarness(FakeDiscordServer server, IHost host)
    {
        Server = server;
        this.host = host;
    }

    public FakeDiscordServer Server { get; }

    public TimerCountingTimeProvider Clock => (TimerCountingTimeProvider)host.Services.GetRequiredService<TimeProvider>();

    public DiscordRestClient Client => host.Services.GetRequiredService<DiscordRestClient>();

    public T Get<T>()
        where T : notnull => host.Services.GetRequiredService<T>();

    /// <param name="logs">Receives every log line, at every level, when given.</param>
    public static async Task<DiscordRestHarness> StartAsync(string baseUrlSuffix = "", ILoggerProvider? logs = null)
    {
        var server = await FakeDiscordServer.StartAsync();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = Token,
            ["Discord:ApiBaseUrl"] = server.BaseUrl + baseUrlSuffix,
        });
        builder.Services.AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
            }
        });
        builder.Services.AddSingleton<TimeProvider>(new TimerCountingTimeProvider());
        builder.Services.AddKeyedSingleton<Random>(typeof(DiscordRestClient), FixedRandom.Top);
        builder.AddDiscord();
        return new DiscordRestHarness(server, builder.Build());
    }

    public static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(DiscordFixtures.Folder, name));

    /// <summary>The headers of a <c>*.headers.json</c> fixture.</summary>
    public static Dictionary<string, string> FixtureHeaders(string name) =>
        JsonDocument.Parse(Fixture(name)).RootElement.GetProperty("headers").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase);

    public async ValueTask DisposeAsync()
    {
        host.Dispose();
        await Server.DisposeAsync();
    }
}

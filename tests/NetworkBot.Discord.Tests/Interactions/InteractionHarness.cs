using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkBot.Core;
using NetworkBot.Core.Storage;
using NetworkBot.Discord.Interactions;
using NetworkBot.Discord.Tests.Rest;
using NetworkBot.Storage;
using NetworkBot.Storage.Sqlite;
using NetworkBot.Tests;

namespace NetworkBot.Discord.Tests.Interactions;

/// <summary>
/// Core's real command layer over a real SQLite file, the real Discord wiring pointed at <see cref="FakeDiscordServer"/>,
/// on a <see cref="TimerCountingTimeProvider"/>. The store can be slowed down on purpose through <see cref="Gate"/>.
/// </summary>
public sealed class InteractionHarness : IAsyncDisposable
{
    private readonly TempDatabase database = new();
    private IHost host = null!;

    public FakeDiscordServer Server { get; private set; } = null!;

    public TimerCountingTimeProvider Clock { get; } = new();

    public GatedStore Gate { get; private set; } = null!;

    public IStore Store => host.Services.GetRequiredService<IStore>();

    public T Get<T>()
        where T : notnull => host.Services.GetRequiredService<T>();

    public static async Task<InteractionHarness> StartAsync(params (string Key, string Value)[] settings)
    {
        var harness = new InteractionHarness();
        harness.Server = await FakeDiscordServer.StartAsync();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = DiscordRestHarness.Token,
            ["Discord:ApiBaseUrl"] = harness.Server.BaseUrl.ToString(),
            ["Storage:ConnectionString"] = harness.database.ConnectionString,
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(harness.Clock);
        builder.AddNetworkBotCore();
        builder.AddNetworkBotStorage();
        builder.Services.AddSingleton(sp =>
        {
            var store = GatedStore.Wrap(ActivatorUtilities.CreateInstance<SqliteStore>(sp), out var gate);
            harness.Gate = gate;
            return store;
        });
        builder.AddDiscord();
        harness.host = builder.Build();
        await harness.Get<IStoreMigrator>().MigrateAsync(CancellationToken.None);
        _ = harness.Store; // creates the gate
        return harness;
    }

    /// <summary>Hands the interaction to the responder as the gateway's <c>d</c> would.</summary>
    public Task RespondAsync(JsonNode interaction) =>
        Get<InteractionResponder>().RespondAsync(JsonDocument.Parse(interaction.ToJsonString()).RootElement, CancellationToken.None);

    /// <summary>The body of the one interaction callback sent, parsed.</summary>
    public JsonElement Callback() =>
        JsonDocument.Parse(Assert.Single(Server.Requests, r => r.Path.EndsWith("/callback", StringComparison.Ordinal)).Body).RootElement;

    public static string Text(JsonElement data) =>
        data.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String
            ? content.GetString()!
            : new StringBuilder().AppendJoin('\n', data.GetProperty("embeds").EnumerateArray().Select(e => e.GetProperty("description").GetString())).ToString();

    public async ValueTask DisposeAsync()
    {
        host.Dispose();
        await Server.DisposeAsync();
        database.Dispose();
    }
}

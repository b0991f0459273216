using System.Text.Json;
using NetworkBot.Discord.Commands;
using NetworkBot.Discord.Rest;
using NetworkBot.Discord.Tests.Interactions;

namespace NetworkBot.Discord.Tests.Commands;

public sealed class CommandRegistrarTests : IAsyncDisposable
{
    private static readonly Snowflake App = new(290926444748734465);
    private InteractionHarness harness = null!;

    private async Task<int> RegisterAsync(Snowflake? app = null, params (string, string)[] settings)
    {
        harness ??= await InteractionHarness.StartAsync(settings);
        harness.Server.Enqueue(200, "[]");
        harness.Server.Enqueue(200, "[]");
        return await harness.Get<CommandRegistrar>().EnsureRegisteredAsync(app ?? App, CancellationToken.None);
    }

    [Fact]
    public async Task The_table_is_registered_globally_once_and_not_again_while_unchanged()
    {
        Assert.Equal(1, await RegisterAsync());
        Assert.Equal(0, await RegisterAsync());

        var put = Assert.Single(harness.Server.Requests);
        Assert.Equal(("PUT", "/api/v10/applications/290926444748734465/commands"), (put.Method, put.Path));
        var commands = JsonDocument.Parse(put.Body).RootElement;
        Assert.Equal(CommandRegistration.ForTable().Count, commands.GetArrayLength());
        Assert.Contains(commands.EnumerateArray(), c => c.GetProperty("name").GetString() == "admin" && c.GetProperty("default_member_permissions").GetString() == "32");
    }

    [Fact]
    public async Task Each_configured_guild_gets_its_own_registration()
    {
        Assert.Equal(2, await RegisterAsync(null, ("Discord:GuildIds:0", "111"), ("Discord:GuildIds:1", "222")));

        Assert.Equal(
            ["/api/v10/applications/290926444748734465/guilds/111/commands", "/api/v10/applications/290926444748734465/guilds/222/commands"],
            harness.Server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Another_application_on_the_same_database_registers_its_own()
    {
        await RegisterAsync();

        Assert.Equal(1, await RegisterAsync(new Snowflake(42)));
        Assert.Equal("/api/v10/applications/42/commands", harness.Server.Requests[^1].Path);
    }

    [Fact]
    public async Task A_failed_registration_is_tried_again_next_start()
    {
        harness = await InteractionHarness.StartAsync();
        harness.Server.Enqueue(400, """{"code":50035,"message":"Invalid Form Body","errors":{}}""");
        await Assert.ThrowsAnyAsync<DiscordApiException>(() => harness.Get<CommandRegistrar>().EnsureRegisteredAsync(App, CancellationToken.None));

        Assert.Equal(1, await RegisterAsync());
    }

    public async ValueTask DisposeAsync() => await harness.DisposeAsync();
}

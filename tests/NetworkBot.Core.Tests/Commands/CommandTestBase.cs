using Microsoft.Extensions.DependencyInjection;
using NetworkBot.Core.Replies;

namespace NetworkBot.Core.Tests.Commands;

/// <summary>A fresh community per test: manager "mana", members "aiko" (Aiko Tanaka) and "ben" (Ben Okafor).</summary>
public abstract class CommandTestBase : IAsyncLifetime
{
    protected CommandHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Harness = await CommandHarness.StartAsync(ConfigureServices);
        await Harness.SetUpCommunityAsync();
        await Harness.AddMemberAsync("aiko", "Aiko Tanaka");
        await Harness.AddMemberAsync("ben", "Ben Okafor");
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();

    /// <summary>Adds or replaces services before the harness starts; nothing by default.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Types <paramref name="line"/> and checks it was refused with an error and left everything stored as it was.</summary>
    protected async Task<Reply> RefusedAndUnchangedAsync(string member, string line)
    {
        var before = await Harness.SnapshotAsync();

        var reply = await Harness.TypeAsync(member, line);

        Assert.True(reply.IsError, reply.Text);
        Assert.Equal(before, await Harness.SnapshotAsync());
        return reply;
    }
}

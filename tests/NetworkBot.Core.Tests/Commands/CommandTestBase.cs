namespace NetworkBot.Core.Tests.Commands;

/// <summary>A fresh community per test: manager "mana", members "aiko" (Aiko Tanaka) and "ben" (Ben Okafor).</summary>
public abstract class CommandTestBase : IAsyncLifetime
{
    protected CommandHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Harness = await CommandHarness.StartAsync();
        await Harness.SetUpCommunityAsync();
        await Harness.AddMemberAsync("aiko", "Aiko Tanaka");
        await Harness.AddMemberAsync("ben", "Ben Okafor");
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}

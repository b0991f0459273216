using NetworkBot.Bench.Answers;
using NetworkBot.Discord.Tests.Fakes;
using NetworkBot.Host.Tests.Discord;
using NetworkBot.Storage.Sqlite;
using NetworkBot.Tests;

namespace NetworkBot.Host.Tests.Crash;

/// <summary>One process per embedded database, between real <c>networkbot run</c> processes.</summary>
public sealed class DatabaseLockProcessTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TempDatabase folder = new();
    private FakeDiscordGateway gateway = null!;
    private FakeDiscordApi api = null!;

    private string Executable => Path.Combine(AppContext.BaseDirectory, "networkbot.dll");

    private Dictionary<string, string> Discord => new()
    {
        ["Discord__Token"] = "lock-bot-token",
        ["Discord__ApiBaseUrl"] = api.BaseUrl.ToString(),
    };

    public async Task InitializeAsync()
    {
        gateway = await FakeDiscordGateway.StartAsync(autoSession: true);
        api = await FakeDiscordApi.StartAsync(gateway.Url);
    }

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        await gateway.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task A_second_run_is_refused_naming_the_first_and_a_run_after_the_first_is_killed_starts()
    {
        using var cancel = new CancellationTokenSource(Patience);
        using var first = BotProcess.Start(Executable, folder.Folder, Discord, "first.log");
        await gateway.NextConnectionAsync(cancel.Token);

        using (var second = BotProcess.Start(Executable, folder.Folder, Discord, "second.log"))
        {
            Assert.True(await second.WaitForExitAsync(Patience), "the second run did not stop by itself");
            Assert.Equal(DatabaseLock.InUseExitCode, second.ExitCode);
        }

        var refusal = Assert.Single(File.ReadAllLines(Path.Combine(folder.Folder, "second.log")));
        Assert.StartsWith(
            $"networkbot: the database {Path.Combine(folder.Folder, BotProcess.DatabaseFileName)} is in use by another NetworkBot process (pid {first.Id}, started ",
            refusal,
            StringComparison.Ordinal);
        Assert.EndsWith(", `run`); stop it first or point Storage:ConnectionString elsewhere", refusal, StringComparison.Ordinal);

        // SIGKILL: no code of the first runs again, its lock file stays behind; the OS lock went with the process.
        first.Stop();
        using var third = BotProcess.Start(Executable, folder.Folder, Discord, "third.log");
        await gateway.NextConnectionAsync(cancel.Token);

        Assert.False(third.HasExited);
        Assert.Contains($"pid={third.Id}", await File.ReadAllTextAsync(Path.Combine(folder.Folder, BotProcess.DatabaseFileName + ".lock.holder"), cancel.Token), StringComparison.Ordinal);
        third.Terminate();
        Assert.True(await third.WaitForExitAsync(Patience));
        Assert.Equal(0, third.ExitCode);
    }
}

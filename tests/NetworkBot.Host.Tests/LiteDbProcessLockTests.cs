using NetworkBot.Bench.Answers;
using NetworkBot.Discord.Tests.Fakes;
using NetworkBot.Host.Tests.Discord;
using NetworkBot.Storage;
using NetworkBot.Storage.Sqlite;

namespace NetworkBot.Host.Tests;

/// <summary>
/// One process per LiteDB file, between real processes: LiteDB's own share mode does not keep a second process out of
/// the file on Linux, the one-process lock does.
/// </summary>
public sealed class LiteDbProcessLockTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly CliRunner verbs = new(StorageOptions.LiteDbProvider);
    private FakeDiscordGateway gateway = null!;
    private FakeDiscordApi api = null!;

    public async Task InitializeAsync()
    {
        gateway = await FakeDiscordGateway.StartAsync(autoSession: true);
        api = await FakeDiscordApi.StartAsync(gateway.Url);
    }

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        await gateway.DisposeAsync();
        verbs.Dispose();
    }

    [Fact]
    public async Task While_a_run_process_holds_the_file_another_process_and_this_one_are_refused_and_once_it_stopped_the_file_opens()
    {
        using var cancel = new CancellationTokenSource(Patience);
        var folder = Path.GetDirectoryName(verbs.DatabasePath)!;
        var settings = new Dictionary<string, string>
        {
            ["Discord__Token"] = "lock-bot-token",
            ["Discord__ApiBaseUrl"] = api.BaseUrl.ToString(),
            ["Storage__Provider"] = StorageOptions.LiteDbProvider,
            ["Storage__ConnectionString"] = verbs.ConnectionString,
        };
        using var first = BotProcess.Start(Path.Combine(AppContext.BaseDirectory, "networkbot.dll"), folder, settings, "first.log");
        await gateway.NextConnectionAsync(cancel.Token);

        using (var second = BotProcess.Start(Path.Combine(AppContext.BaseDirectory, "networkbot.dll"), folder, settings, "second.log"))
        {
            Assert.True(await second.WaitForExitAsync(Patience), "the second run did not stop by itself");
            Assert.Equal(DatabaseLock.InUseExitCode, second.ExitCode);
        }

        var here = await verbs.RunAsync(string.Empty, "migrate");
        first.Terminate();
        Assert.True(await first.WaitForExitAsync(Patience));
        var after = await verbs.RunAsync(string.Empty, "migrate");

        var refusal = Assert.Single(File.ReadAllLines(Path.Combine(folder, "second.log")));
        Assert.StartsWith($"networkbot: the database {verbs.DatabasePath} is in use by another NetworkBot process (pid {first.Id}, started ", refusal, StringComparison.Ordinal);
        Assert.Equal(DatabaseLock.InUseExitCode, here.Exit);
        Assert.StartsWith($"networkbot: the database {verbs.DatabasePath} is in use by another NetworkBot process (pid {first.Id}, ", here.Error, StringComparison.Ordinal);
        Assert.Equal(0, first.ExitCode);
        Assert.True(after.Exit == 0, after.Error);
        Assert.StartsWith($"{verbs.DatabasePath}: schema is up to date (version ", after.Out, StringComparison.Ordinal);
    }
}

using LiteDB;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Domain;
using NetworkBot.Host.Hosting;
using NetworkBot.Storage;
using NetworkBot.Storage.LiteDb;
using NetworkBot.Tests;

namespace NetworkBot.Host.Tests.Hosting;

/// <summary>
/// <c>run</c>'s scheduled LiteDB checkpoints: a commit lives in the log until a checkpoint folds it into the data file,
/// which the service does every interval and once more at stop. What the data file holds is read from a copy of it
/// alone, as a backup or a crash would leave it without its log.
/// </summary>
public sealed class LiteDbCheckpointServiceTests : IDisposable
{
    private readonly CancellationTokenSource guard = new(TimeSpan.FromMinutes(1));
    private readonly TempDatabase folder = new();
    private readonly TimerCountingTimeProvider clock = new();

    public void Dispose()
    {
        folder.Dispose();
        guard.Dispose();
    }

    [Fact]
    public async Task Each_interval_and_at_stop_the_commits_so_far_reach_the_data_file()
    {
        var options = Options.Create(new StorageOptions
        {
            Provider = StorageOptions.LiteDbProvider,
            ConnectionString = $"Filename={DataFile}",
            CheckpointInterval = TimeSpan.FromMinutes(5),
        });
        await new LiteDbMigrator(options).MigrateAsync(guard.Token);
        using var store = new LiteDbStore(options);
        var log = new RecordingLogger<LiteDbCheckpointService>();
        using var service = new LiteDbCheckpointService(store, options, clock, log);
        await service.StartAsync(guard.Token);
        await clock.WaitForTimersAsync(1);

        await SaveAsync(store, "first");
        var beforeInterval = CommunitiesInDataFile();
        clock.Advance(TimeSpan.FromMinutes(5));
        var checkpointed = await log.Lines.ReadAsync(guard.Token);
        var afterInterval = CommunitiesInDataFile();
        await SaveAsync(store, "second");
        var beforeStop = CommunitiesInDataFile();
        await service.StopAsync(guard.Token);

        Assert.Equal((LogLevel.Debug, "LiteDB log folded into the data file"), checkpointed);
        Assert.Equal(0, beforeInterval);
        Assert.Equal(1, afterInterval);
        Assert.Equal(1, beforeStop);
        Assert.Equal(2, CommunitiesInDataFile());
    }

    [Theory]
    [InlineData(StorageOptions.LiteDbProvider, true)]
    [InlineData(StorageOptions.SqliteProvider, false)]
    [InlineData(StorageOptions.PostgresProvider, false)]
    public void Run_hosts_the_checkpoints_for_LiteDB_only(string provider, bool hosted)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new("Storage:Provider", provider)]);

        builder.AddNetworkBotWorkers();

        Assert.Equal(hosted, builder.Services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(LiteDbCheckpointService)));
    }

    private string DataFile => Path.Combine(folder.Folder, "networkbot.litedb");

    private Task SaveAsync(LiteDbStore store, string name) =>
        store.SaveCommunityAsync(new Community(new CommunityId("shell:" + name), name, CommunitySettings.Default, clock.GetUtcNow()), guard.Token);

    /// <summary>How many communities a copy of the data file alone, without its log, holds.</summary>
    private int CommunitiesInDataFile()
    {
        var copy = Path.Combine(folder.Folder, $"copy-{Guid.NewGuid():N}.litedb");
        File.Copy(DataFile, copy);
        using var db = new LiteDatabase(new ConnectionString { Filename = copy, ReadOnly = true });
        return db.GetCollection("communities").Count();
    }
}

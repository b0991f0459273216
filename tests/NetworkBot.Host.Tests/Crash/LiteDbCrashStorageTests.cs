using LiteDB;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;
using NetworkBot.Tests;

namespace NetworkBot.Host.Tests.Crash;

/// <summary>
/// The crash harness's look at a LiteDB file after a stop (<see cref="CrashStorage.LiteDb"/>): what a killed bot left
/// committed only in the file's log is read back, and a damaged file is not called intact.
/// </summary>
public sealed class LiteDbCrashStorageTests : IAsyncLifetime
{
    private static readonly CommunityId Community = CommunityId.For("discord", "290926798626357111");
    private static readonly CancellationToken Guard = CancellationToken.None;

    private readonly TempDatabase folder = new();
    private CrashStorage storage = null!;

    public async Task InitializeAsync()
    {
        storage = CrashStorage.LiteDb(folder.Folder);
        await storage.MigrateAsync(Guard);
    }

    public async Task DisposeAsync()
    {
        await storage.DisposeAsync();
        folder.Dispose();
    }

    /// <summary>
    /// With LiteDB's automatic checkpoint off, closing the store leaves every commit in the log, not folded into the data
    /// file: the files as a SIGKILL leaves them once LiteDB's writer task has written the log (copying the files while
    /// the store is open would not do: a commit returns before that task writes its pages).
    /// </summary>
    [Fact]
    public async Task What_a_killed_bot_committed_only_to_the_log_reads_back_intact()
    {
        using (var db = new LiteDatabase($"Filename={Path.Combine(folder.Folder, CrashStorage.LiteDbFileName)}"))
        {
            db.Pragma("CHECKPOINT", 0);
        }

        await storage.WithStoreAsync(store => store.EnqueueAsync([Message("first"), Message("second")], Guard), Guard);

        Assert.True(new FileInfo(Path.Combine(folder.Folder, "bench-log.litedb")) is { Exists: true, Length: > 0 }, "nothing is left in the log to read");
        Assert.Equal("ok", await storage.IntegrityAsync(Guard));
        Assert.Equal(
            [(Community.Value, "first", false, true), (Community.Value, "second", false, true)],
            (await storage.OutboxRowsAsync(Guard)).Select(r => (r.Community, r.Key, r.Delivered, r.Due)));
    }

    [Fact]
    public async Task A_torn_page_is_not_called_intact()
    {
        await storage.WithStoreAsync(store => store.EnqueueAsync([Message("first")], Guard), Guard);
        Assert.Equal("ok", await storage.IntegrityAsync(Guard));

        await using (var file = new FileStream(Path.Combine(folder.Folder, CrashStorage.LiteDbFileName), FileMode.Open, FileAccess.ReadWrite))
        {
            file.Position = (2 * 8192) + 100;
            await file.WriteAsync(Enumerable.Repeat((byte)0x5A, 4000).ToArray(), Guard);
        }

        Assert.NotEqual("ok", await storage.IntegrityAsync(Guard));
    }

    private static OutboxMessage Message(string key) =>
        OutboxMessage.Create(Community, key, MessageTarget.ToChannel("1"), new Reply("hello"), DateTimeOffset.UtcNow);
}

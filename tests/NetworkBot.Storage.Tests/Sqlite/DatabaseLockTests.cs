using NetworkBot.Storage.Sqlite;

namespace NetworkBot.Storage.Tests.Sqlite;

public sealed class DatabaseLockTests : IAsyncLifetime
{
    private static readonly DateTimeOffset StartedAt = new(2026, 12, 6, 20, 1, 30, TimeSpan.Zero);

    private readonly TempDatabase database = new();
    private readonly FixedClock time = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public void A_second_holder_is_refused_and_told_who_holds_the_database()
    {
        Assert.True(DatabaseLock.TryAcquire(database.ConnectionString, "run", time, out var first, out _));
        using (first)
        {
            // A separate open of the lock file, as a second process makes: refused while the first is held.
            Assert.False(DatabaseLock.TryAcquire(database.ConnectionString, "shell", time, out var second, out var holder));

            Assert.Null(second);
            Assert.Equal(new DatabaseLockHolder(Environment.ProcessId, StartedAt, "run"), holder);
            Assert.Equal(
                $"the database {database.FilePath} is in use by another NetworkBot process (pid {Environment.ProcessId}, started 2026-12-06T20:01Z, `run`); " +
                "stop it first or point Storage:ConnectionString elsewhere",
                DatabaseLock.Refusal(database.ConnectionString, holder));
        }
    }

    [Fact]
    public void The_database_is_free_again_once_its_holder_lets_go()
    {
        Assert.True(DatabaseLock.TryAcquire(database.ConnectionString, "run", time, out var first, out _));
        first.Dispose();

        Assert.True(DatabaseLock.TryAcquire(database.ConnectionString, "demo", time, out var second, out _));
        second.Dispose();
    }

    [Fact]
    public void Lock_files_left_by_a_killed_process_do_not_block_the_next_start()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(database.FilePath)!);
        File.WriteAllText(database.FilePath + ".lock", "");
        File.WriteAllText(database.FilePath + ".lock.holder", "pid=999999\nstarted=2026-12-01T00:00:00Z\nverb=run\n");

        Assert.True(DatabaseLock.TryAcquire(database.ConnectionString, "run", time, out var held, out _));
        using (held)
        {
            Assert.Contains($"pid={Environment.ProcessId}", File.ReadAllText(database.FilePath + ".lock.holder"), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=shared;Mode=Memory;Cache=Shared")]
    public void A_database_in_memory_takes_no_lock(string connectionString)
    {
        Assert.True(DatabaseLock.TryAcquire(connectionString, "run", time, out var first, out _));
        Assert.True(DatabaseLock.TryAcquire(connectionString, "run", time, out var second, out _));
        first.Dispose();
        second.Dispose();
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => StartedAt;
    }
}

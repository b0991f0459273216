using System.Text;
using NetworkBot.Storage.Tests.Conformance;
using static NetworkBot.Storage.Tests.Conformance.PrivacySeed;

namespace NetworkBot.Storage.Tests.Sqlite;

/// <summary>
/// An erasure leaves the member in no row (the conformance suite) and, on SQLite, in no byte of the file either: freed
/// space is overwritten (<c>secure_delete</c>) rather than left for a file reader to find.
/// </summary>
public sealed class SqliteErasureFileTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task An_erased_members_name_is_gone_from_the_database_file_once_checkpointed()
    {
        await using var database = new TempDatabase();
        await database.Migrator().MigrateAsync(Ct);
        var store = database.Store();
        await SeedAsync(store, TestData.Tokyo, Ct);
        await database.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        Assert.True(Contains(await File.ReadAllBytesAsync(database.FilePath, Ct), ErinName), "the seed wrote the name to the file");

        Assert.True(await store.EraseMemberAsync(TestData.Tokyo, Erin, new("erased:0123456789abcdef"), Ct));
        await database.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");

        Assert.False(Contains(await File.ReadAllBytesAsync(database.FilePath, Ct), ErinName));
        Assert.Equal(0, new FileInfo(database.FilePath + "-wal") is { Exists: true } wal ? wal.Length : 0);
    }

    private static bool Contains(byte[] file, string text) => file.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}

using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;
using NetworkBot.Storage.Tests.Conformance;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Sqlite;

/// <summary>How the SQLite store keeps an outbox reply as JSON text, for a row written by hand or an older build.</summary>
public sealed class SqliteOutboxJsonTests : StoreConformance<SqliteProvider>
{
    private TempDatabase Database => ((SqliteStoreUnderTest)UnderTest).Database;

    [Fact]
    public async Task Reply_stored_with_only_its_text_reads_back_with_the_defaults_of_reply()
    {
        await Database.ExecuteAsync("""
            INSERT INTO outbox (community_id, key, target, reply, created_at, due_at)
            VALUES ('discord:1', 'k1', '{"kind":"Member","members":["u1"]}', '{"text":"hi"}', '2025-04-01T00:00:00.0000000Z', '2025-04-01T00:00:00.0000000Z')
            """);

        var read = Assert.Single(await Store.ListDueOutboxAsync(T0, 10, Ct));

        Assert.Equivalent(new Reply("hi"), read.Reply, strict: true);
        Assert.Equivalent(MessageTarget.ToMember(Id("u1")), read.Target, strict: true);
    }

    [Fact]
    public async Task Stored_json_keeps_japanese_text_readable_and_enums_by_name()
    {
        await Store.EnqueueAsync([Message(Tokyo, "k1", T0, "こんにちは")], Ct);

        var json = (string)(await Database.ScalarAsync("SELECT reply FROM outbox"))!;

        Assert.Contains("こんにちは", json, StringComparison.Ordinal);
        Assert.Contains("\"Private\"", json, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using LiteDB;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Outbox;
using NetworkBot.Storage;
using NetworkBot.Storage.LiteDb;
using NetworkBot.Storage.Sqlite;
using NetworkBot.Tests.Postgres;

namespace NetworkBot.Host.Tests.Export;

/// <summary><c>networkbot export</c> and <c>import</c> through the real verbs, between every pair of providers.</summary>
public sealed class ExportImportTests(ExportSources sources) : IClassFixture<ExportSources>, IDisposable
{
    /// <summary>
    /// The providers a round trip runs between: the embedded ones always, PostgreSQL where it is available, and always in
    /// CI (where a missing server fails the test).
    /// </summary>
    private static readonly string[] Providers =
        PostgresAvailability.Current.IsAvailable || PostgresAvailability.RunsInCi
            ? [StorageOptions.SqliteProvider, StorageOptions.LiteDbProvider, StorageOptions.PostgresProvider]
            : [StorageOptions.SqliteProvider, StorageOptions.LiteDbProvider];

    /// <summary>This class's own PostgreSQL server (the round trips take no collection fixture), started by the first test that needs it.</summary>
    private static readonly Lazy<Task<PostgresFixture>> PostgresServer = new(async () =>
    {
        var fixture = new PostgresFixture();
        await fixture.InitializeAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => fixture.DisposeAsync().GetAwaiter().GetResult();
        return fixture;
    });

    private readonly List<CliRunner> targets = [];

    public static TheoryData<string, string> ProviderPairs()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var from in Providers)
        {
            foreach (var to in Providers)
            {
                pairs.Add(from, to);
            }
        }

        return pairs;
    }

    /// <summary>A fresh, empty database of <paramref name="provider"/> that verbs run on.</summary>
    public static async Task<CliRunner> DatabaseAsync(string provider)
    {
        var runner = new CliRunner(provider == StorageOptions.LiteDbProvider ? provider : StorageOptions.SqliteProvider);
        runner.Settings["Storage:Provider"] = provider;
        if (provider == StorageOptions.PostgresProvider)
        {
            var server = await PostgresServer.Value;
            runner.Settings["Storage:ConnectionString"] = (await server.CreateDatabaseAsync(CancellationToken.None)).ConnectionString;
        }

        return runner;
    }

    public void Dispose()
    {
        foreach (var target in targets)
        {
            target.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(ProviderPairs))]
    public async Task Round_trip_leaves_identical_data(string from, string to)
    {
        var (source, export) = await sources.SourceAsync(from);
        var target = await TargetAsync(to);

        var imported = await target.RunAsync(export, "import");
        var again = await target.RunAsync(string.Empty, "export");

        Assert.True(imported.Exit == 0, imported.Error);
        Assert.Equal($"Imported 2 communities: {ExportSources.DemoCommunity}, {ExportSources.ShellCommunity}.", imported.Out.Trim());
        Assert.Equal(0, again.Exit);
        Assert.Equal(export, again.Out);
        if (from == to && StoredRows(from) is { } rowsOf)
        {
            var rows = rowsOf(target);
            Assert.Equal(rowsOf(source).Select(t => (t.Key, t.Value.Count)), rows.Select(t => (t.Key, t.Value.Count)));
            Assert.Equal(rowsOf(source), rows);
            Assert.All(rows.Where(t => t.Key is not ("pair_wishes" or "event_attendees" or "event_connects")), t => Assert.True(t.Value.Count > 0, t.Key));
        }
    }

    [Fact]
    public async Task Export_of_one_community_holds_nothing_of_another()
    {
        var (source, whole) = await sources.SourceAsync(StorageOptions.SqliteProvider);

        var (exit, output, error) = await source.RunAsync(string.Empty, "export", "--community", ExportSources.ShellCommunity);

        Assert.True(exit == 0, error);
        using var document = JsonDocument.Parse(output);
        var community = Assert.Single(document.RootElement.GetProperty("communities").EnumerateArray());
        Assert.Equal(ExportSources.ShellCommunity, community.GetProperty("id").GetString());
        Assert.DoesNotContain(ExportSources.DemoCommunity, output);
        using var everything = JsonDocument.Parse(whole);
        var demo = everything.RootElement.GetProperty("communities").EnumerateArray().Single(c => c.GetProperty("id").GetString() == ExportSources.DemoCommunity);
        var demoMembers = demo.GetProperty("members").EnumerateArray().ToList();
        Assert.NotEmpty(demoMembers);
        Assert.All(demoMembers, m => Assert.DoesNotContain(m.GetProperty("displayName").GetString()!, output));
        Assert.All(demo.GetProperty("outbox").EnumerateArray(), m => Assert.DoesNotContain($"\"{m.GetProperty("key").GetString()}\"", output));
    }

    [Fact]
    public async Task Export_of_a_community_not_stored_says_so_in_one_line()
    {
        var (source, _) = await sources.SourceAsync(StorageOptions.SqliteProvider);

        var (exit, output, error) = await source.RunAsync(string.Empty, "export", "--community", "shell:nowhere");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal("networkbot export: no community shell:nowhere is stored here.", error.Trim());
    }

    [Theory]
    [InlineData(StorageOptions.SqliteProvider)]
    [InlineData(StorageOptions.LiteDbProvider)]
    public async Task Import_of_a_community_that_exists_is_refused_and_writes_nothing(string provider)
    {
        var (source, whole) = await sources.SourceAsync(StorageOptions.SqliteProvider);
        var target = Target(provider);
        var one = await source.RunAsync(string.Empty, "export", "--community", ExportSources.ShellCommunity);
        Assert.Equal(0, (await target.RunAsync(one.Out, "import")).Exit);

        var (exit, output, error) = await target.RunAsync(whole, "import");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"networkbot import: community {ExportSources.ShellCommunity} already has data in this database. Nothing was imported.", error.Trim());
        Assert.Equal(one.Out, (await target.RunAsync(string.Empty, "export")).Out);
    }

    [Fact]
    public async Task Import_of_a_newer_format_version_is_refused_in_one_line()
    {
        var (_, whole) = await sources.SourceAsync(StorageOptions.SqliteProvider);
        var target = Target(StorageOptions.SqliteProvider);
        var newer = whole.Replace("\"version\": 3,", "\"version\": 4,", StringComparison.Ordinal);
        Assert.NotEqual(whole, newer);

        var (exit, _, error) = await target.RunAsync(newer, "import");

        Assert.Equal(2, exit);
        Assert.Equal(
            "networkbot import: the export is format version 4, newer than this build reads (3): import it with a newer NetworkBot. Nothing was imported.",
            error.Trim());
        await AssertEmptyAsync(target);
    }

    [Theory]
    [InlineData("{not json", "networkbot import: not valid JSON: ")]
    [InlineData("""{"format": "something-else", "version": 1, "communities": []}""", "networkbot import: not a NetworkBot export")]
    [InlineData("""{"format": "networkbot-export", "communities": []}""", "networkbot import: the export has no valid \"version\"")]
    [InlineData("""{"format": "networkbot-export", "version": 1, "communities": [{"id": "shell:x", "members": []}]}""", "networkbot import: communities[0].community is missing.")]
    public async Task Import_of_something_not_an_export_is_refused_in_one_line(string input, string start)
    {
        var target = Target(StorageOptions.SqliteProvider);

        var (exit, output, error) = await target.RunAsync(input, "import");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith(start, error);
        Assert.Single(error.Trim().Split('\n'));
        Assert.EndsWith("Nothing was imported.", error.Trim());
        await AssertEmptyAsync(target);
    }

    [Fact]
    public async Task Import_of_a_half_file_or_a_wrong_value_writes_nothing()
    {
        var (_, whole) = await sources.SourceAsync(StorageOptions.SqliteProvider);
        var target = Target(StorageOptions.SqliteProvider);
        var wrongValue = whole.Replace("\"coffeeJoined\": true", "\"coffeeJoined\": \"yes\"", StringComparison.Ordinal);

        var half = await target.RunAsync(whole[..(whole.Length / 2)], "import");
        var wrong = await target.RunAsync(wrongValue, "import");

        Assert.Equal(2, half.Exit);
        Assert.StartsWith("networkbot import: not valid JSON: ", half.Error);
        Assert.Equal(2, wrong.Exit);
        Assert.Equal(
            "networkbot import: communities[0].members[0].coffeeJoined must be true or false or null. Nothing was imported.",
            wrong.Error.Trim());
        await AssertEmptyAsync(target);
    }

    [Theory]
    [InlineData(StorageOptions.SqliteProvider)]
    [InlineData(StorageOptions.LiteDbProvider)]
    public async Task Delivered_messages_stay_delivered_after_import_and_nothing_is_sent_again(string provider)
    {
        var (_, whole) = await sources.SourceAsync(StorageOptions.SqliteProvider);
        var target = Target(provider);
        Assert.Equal(0, (await target.RunAsync(whole, "import")).Exit);
        using var document = JsonDocument.Parse(whole);
        var messages = document.RootElement.GetProperty("communities").EnumerateArray().SelectMany(c => c.GetProperty("outbox").EnumerateArray()).ToList();
        var delivered = messages.Where(m => m.GetProperty("deliveredAt").ValueKind == JsonValueKind.String).Select(m => m.GetProperty("key").GetString()).ToHashSet();
        var waiting = messages.Where(m => m.GetProperty("deliveredAt").ValueKind == JsonValueKind.Null && m.GetProperty("dueAt").ValueKind == JsonValueKind.String)
            .Select(m => m.GetProperty("key").GetString()).ToHashSet();

        var options = Options.Create(target.Storage);
        IOutboxStore store = provider == StorageOptions.LiteDbProvider ? new LiteDbStore(options) : new SqliteStore(options);
        IReadOnlyList<OutboxMessage> due;
        using (store as IDisposable)
        {
            due = await store.ListDueOutboxAsync(DateTimeOffset.MaxValue.AddYears(-1), int.MaxValue, CancellationToken.None);
        }

        Assert.NotEmpty(delivered);
        Assert.DoesNotContain(due, m => delivered.Contains(m.Key));
        Assert.Equal(waiting.Order(), due.Select(m => m.Key).Order());
    }

    /// <summary>An embedded target: made without waiting on anything, so the synchronous form is safe.</summary>
    private CliRunner Target(string provider) => TargetAsync(provider).GetAwaiter().GetResult();

    private async Task<CliRunner> TargetAsync(string provider)
    {
        var target = await DatabaseAsync(provider);
        targets.Add(target);
        return target;
    }

    private static async Task AssertEmptyAsync(CliRunner database)
    {
        var (exit, output, _) = await database.RunAsync(string.Empty, "export");
        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(output);
        Assert.Empty(document.RootElement.GetProperty("communities").EnumerateArray());
    }

    /// <summary>How to read every row an embedded <paramref name="provider"/> stores, to compare two databases whole; null for a server.</summary>
    private static Func<CliRunner, SortedDictionary<string, List<string>>>? StoredRows(string provider) => provider switch
    {
        StorageOptions.SqliteProvider => SqliteRows,
        StorageOptions.LiteDbProvider => LiteDbRows,
        _ => null,
    };

    /// <summary>LiteDB's counterpart of <see cref="SqliteRows"/>, read after the verbs have closed the file.</summary>
    private static SortedDictionary<string, List<string>> LiteDbRows(CliRunner database)
    {
        using var liteDb = new LiteDatabase(new ConnectionString { Filename = database.DatabasePath, ReadOnly = true });
        return NetworkBot.Tests.LiteDb.LiteDbRows.Of(liteDb);
    }

    /// <summary>
    /// Every row of every table, all columns but those not exported (the outbox's own numbering, the calendar feed
    /// secret), bar SQLite's own tables, the migrations' bookkeeping, the bot-wide platform state and data-protection
    /// keys, and the dashboard's sign-in links and sessions: a column or a table the export misses shows here.
    /// </summary>
    private static SortedDictionary<string, List<string>> SqliteRows(CliRunner database)
    {
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        var tables = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var name in Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('schema_migrations', 'platform_state', 'data_protection_keys', 'dashboard_sign_in_links', 'dashboard_sessions')"))
        {
            var columns = Strings(connection, $"SELECT name FROM pragma_table_info('{name}') WHERE name NOT IN ('id', 'calendar_token')");
            var rows = Strings(connection, $"SELECT json_array({string.Join(", ", columns)}) FROM {name}");
            rows.Sort(StringComparer.Ordinal);
            tables[name] = rows;
        }

        return tables;
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}

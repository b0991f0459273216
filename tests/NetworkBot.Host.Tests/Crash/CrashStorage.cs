using System.Data.Common;
using System.Globalization;
using LiteDB;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NetworkBot.Bench.Answers;
using NetworkBot.Core.Storage;
using NetworkBot.Storage;
using NetworkBot.Storage.LiteDb;
using NetworkBot.Storage.Postgres;
using NetworkBot.Storage.Sqlite;
using Npgsql;

namespace NetworkBot.Host.Tests.Crash;

/// <summary>
/// Where a crash run's bots keep their data, and how the harness reads it behind their back: the SQLite or LiteDB file
/// in the work folder (one process at a time) or a PostgreSQL database (shared by several instances). The harness seeds
/// it through the real store and migrator, reads what the bots stored, and tells the bots which one to use.
/// </summary>
public abstract class CrashStorage : IAsyncDisposable
{
    private CrashStorage()
    {
    }

    /// <summary><c>sqlite</c>, <c>litedb</c> or <c>postgres</c>, as <c>Storage:Provider</c> names it.</summary>
    public abstract string Provider { get; }

    /// <summary>The bot's <c>Storage</c> settings as environment variables.</summary>
    public IReadOnlyDictionary<string, string> BotSettings => new Dictionary<string, string>
    {
        ["Storage__Provider"] = Provider,
        ["Storage__ConnectionString"] = BotConnectionString,
    };

    protected abstract string BotConnectionString { get; }

    /// <summary>
    /// Whether the harness may read the database while a bot runs on it. A LiteDB file may not be opened by a second
    /// process (its writer's pages and log index live in the bot's memory; a second engine would read half a write
    /// and, on closing, checkpoint its own view over the bot's), so the harness then judges the delivery by what the
    /// fake Discord received and reads the file only between a stop and the next start.
    /// </summary>
    public virtual bool ReadableBesideBots => true;

    /// <summary>The bot's SQLite file, <see cref="BotProcess.DatabaseFileName"/> in <paramref name="workFolder"/>.</summary>
    public static CrashStorage Sqlite(string workFolder) => new SqliteStorage(Path.Combine(workFolder, BotProcess.DatabaseFileName));

    /// <summary>The LiteDB file the bot keeps its data in, in the work folder.</summary>
    public const string LiteDbFileName = "bench.litedb";

    /// <summary>The bot's LiteDB file, <see cref="LiteDbFileName"/> in <paramref name="workFolder"/>.</summary>
    public static CrashStorage LiteDb(string workFolder) => new LiteDbStorage(Path.Combine(workFolder, LiteDbFileName));

    /// <summary>The bot's file of <paramref name="provider"/> (<c>sqlite</c> or <c>litedb</c>) in <paramref name="workFolder"/>.</summary>
    public static CrashStorage Embedded(string provider, string workFolder) => provider switch
    {
        StorageOptions.SqliteProvider => Sqlite(workFolder),
        StorageOptions.LiteDbProvider => LiteDb(workFolder),
        _ => throw new ArgumentException($"{provider} is not an embedded database.", nameof(provider)),
    };

    /// <summary>An empty PostgreSQL database, named by an Npgsql connection string.</summary>
    public static CrashStorage Postgres(string connectionString) => new PostgresStorage(connectionString);

    /// <summary>
    /// Runs <paramref name="use"/> on the real store over the bots' database, to seed it and to see what the bots stored.
    /// A LiteDB file is open in this process only meanwhile (one <see cref="LiteDatabase"/> per file per process), so a
    /// bot started afterwards finds it closed.
    /// </summary>
    public abstract Task<T> WithStoreAsync<T>(Func<IStore, Task<T>> use, CancellationToken ct);

    /// <inheritdoc cref="WithStoreAsync{T}"/>
    public Task WithStoreAsync(Func<IStore, Task> use, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(use);
        return WithStoreAsync(
            async store =>
            {
                await use(store);
                return true;
            },
            ct);
    }

    public abstract Task MigrateAsync(CancellationToken ct);

    /// <summary>
    /// Whether the database opens intact, as the next start would open it: <c>ok</c>, or what is wrong. SQLite's
    /// <c>PRAGMA integrity_check</c> of the file; for LiteDB, that the file and its log open as the bot opens them and
    /// every document and index entry reads back; for PostgreSQL, whose files a killed client cannot touch, that the
    /// server still answers a read of the outbox.
    /// </summary>
    public abstract Task<string> IntegrityAsync(CancellationToken ct);

    /// <summary>Every outbox row, oldest first, read afresh.</summary>
    public abstract Task<IReadOnlyList<CrashOutboxRow>> OutboxRowsAsync(CancellationToken ct);

    /// <summary>
    /// How many undelivered messages each dispatcher (<c>machine/pid/guid</c>) holds unexpired claims on: one small
    /// query, so a stop chosen by it lands within a few milliseconds of the moment drawn.
    /// </summary>
    public abstract Task<IReadOnlyDictionary<string, int>> ClaimsByOwnerAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    /// <summary>Rows of (owner, count).</summary>
    private static async Task<IReadOnlyDictionary<string, int>> ReadCountsAsync(DbDataReader reader, CancellationToken ct)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            counts[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>Rows of (community, key, target, delivered, due), in the order read.</summary>
    private static async Task<IReadOnlyList<CrashOutboxRow>> ReadRowsAsync(DbDataReader reader, CancellationToken ct)
    {
        var rows = new List<CrashOutboxRow>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new CrashOutboxRow(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetBoolean(4)));
        }

        return rows;
    }

    private sealed class SqliteStorage(string databaseFile) : CrashStorage
    {
        private readonly IOptions<StorageOptions> options = Options.Create(new StorageOptions { ConnectionString = $"Data Source={databaseFile}" });

        public override string Provider => StorageOptions.SqliteProvider;

        protected override string BotConnectionString => $"Data Source={databaseFile}";

        public override Task<T> WithStoreAsync<T>(Func<IStore, Task<T>> use, CancellationToken ct) => use(new SqliteStore(options));

        public override Task MigrateAsync(CancellationToken ct) => new SqliteMigrator(options, NullLogger<SqliteMigrator>.Instance).MigrateAsync(ct);

        public override async Task<string> IntegrityAsync(CancellationToken ct)
        {
            await using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            return (string)(await command.ExecuteScalarAsync(ct))!;
        }

        public override Task<IReadOnlyList<CrashOutboxRow>> OutboxRowsAsync(CancellationToken ct) =>
            ReadAsync("SELECT community_id, key, target, delivered_at IS NOT NULL, due_at IS NOT NULL FROM outbox ORDER BY id", ReadRowsAsync, ct);

        /// <summary>One process holds a SQLite file, so its claims count whatever their lease (a start ends a killed one's).</summary>
        public override Task<IReadOnlyDictionary<string, int>> ClaimsByOwnerAsync(CancellationToken ct) =>
            ReadAsync(
                "SELECT claimed_by, count(*) FROM outbox WHERE delivered_at IS NULL AND claimed_by IS NOT NULL GROUP BY claimed_by", ReadCountsAsync, ct);

        /// <summary>Reads <paramref name="sql"/> on a read-only connection of its own, beside the bot's.</summary>
        private async Task<T> ReadAsync<T>(string sql, Func<DbDataReader, CancellationToken, Task<T>> read, CancellationToken ct)
        {
            await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await read(reader, ct);
        }

        public override ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class PostgresStorage(string connectionString) : CrashStorage
    {
        private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);

        public override string Provider => StorageOptions.PostgresProvider;

        protected override string BotConnectionString => connectionString;

        public override Task<T> WithStoreAsync<T>(Func<IStore, Task<T>> use, CancellationToken ct) => use(new PostgresStore(dataSource));

        public override Task MigrateAsync(CancellationToken ct) => new PostgresMigrator(dataSource, NullLogger<PostgresMigrator>.Instance).MigrateAsync(ct);

        public override async Task<string> IntegrityAsync(CancellationToken ct)
        {
            await using var command = dataSource.CreateCommand("SELECT count(*) FROM outbox");
            await command.ExecuteScalarAsync(ct);
            return "ok";
        }

        public override async Task<IReadOnlyList<CrashOutboxRow>> OutboxRowsAsync(CancellationToken ct)
        {
            await using var command = dataSource.CreateCommand(
                "SELECT community_id, key, target, delivered_at IS NOT NULL, due_at IS NOT NULL FROM outbox ORDER BY id");
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await ReadRowsAsync(reader, ct);
        }

        public override async Task<IReadOnlyDictionary<string, int>> ClaimsByOwnerAsync(CancellationToken ct)
        {
            await using var command = dataSource.CreateCommand(
                "SELECT claimed_by, count(*)::int FROM outbox WHERE delivered_at IS NULL AND claimed_until > @now GROUP BY claimed_by");
            command.Parameters.AddWithValue("now", DateTimeOffset.UtcNow.UtcTicks);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await ReadCountsAsync(reader, ct);
        }

        public override ValueTask DisposeAsync() => dataSource.DisposeAsync();
    }

    /// <summary>
    /// A LiteDB file, read only between a bot's stop and the next start (<see cref="ReadableBesideBots"/>): every read
    /// opens it as the bot does and closes it again.
    /// </summary>
    private sealed class LiteDbStorage(string databaseFile) : CrashStorage
    {
        private readonly IOptions<StorageOptions> options = Options.Create(
            new StorageOptions { Provider = StorageOptions.LiteDbProvider, ConnectionString = $"Filename={databaseFile}" });

        public override string Provider => StorageOptions.LiteDbProvider;

        protected override string BotConnectionString => options.Value.ConnectionString;

        public override bool ReadableBesideBots => false;

        public override async Task<T> WithStoreAsync<T>(Func<IStore, Task<T>> use, CancellationToken ct)
        {
            using var store = new LiteDbStore(options);
            return await use(store);
        }

        public override Task MigrateAsync(CancellationToken ct) => new LiteDbMigrator(options).MigrateAsync(ct);

        /// <summary>
        /// Opens the file and its <c>-log</c> as the next start would (replaying what a killed bot committed to the log),
        /// checks the migration's version survived, reads every document of every collection, and walks every index,
        /// whose entries must be as many as the documents (each index is on one field, null included). What LiteDB
        /// refuses (a torn page, a broken index, a collation that is not the bot's) is the answer.
        /// </summary>
        public override Task<string> IntegrityAsync(CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                using var db = Open();
                if (db.UserVersion == 0)
                {
                    return Task.FromResult("user version 0: the migration's record is gone");
                }

                var indexes = db.GetCollection("$indexes").FindAll().ToList();
                foreach (var name in db.GetCollectionNames().Order(StringComparer.Ordinal))
                {
                    var collection = db.GetCollection(name);
                    var documents = collection.FindAll().Count();
                    foreach (var index in indexes.Where(i => i["collection"].AsString == name && i["name"].AsString != "_id"))
                    {
                        var entries = collection.Find(LiteDB.Query.All(index["expression"].AsString)).Count();
                        if (entries != documents)
                        {
                            return Task.FromResult($"{name}: index {index["name"].AsString} reads {entries} documents of {documents}");
                        }
                    }
                }

                return Task.FromResult("ok");
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A damaged file fails in many ways, few of them LiteException (a torn page throws NotSupportedException
                // or ArgumentNullException from the BSON reader): each is the answer, as the bot's next start would meet it.
                return Task.FromResult($"{exception.GetType().Name}: {exception.Message}");
            }
        }

        public override Task<IReadOnlyList<CrashOutboxRow>> OutboxRowsAsync(CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            using var db = Open();
            // The outbox's _id is the number LiteDB assigns in insertion order, as SQLite's id.
            IReadOnlyList<CrashOutboxRow> rows = [.. db.GetCollection("outbox").FindAll().Select(d => new CrashOutboxRow(
                d["community_id"].AsString, d["key"].AsString, d["target"].AsString, !d["delivered_at"].IsNull, !d["due_at"].IsNull))];
            return Task.FromResult(rows);
        }

        /// <summary>One process holds a LiteDB file, and the harness may not open it while a bot runs: no claims to weigh.</summary>
        public override Task<IReadOnlyDictionary<string, int>> ClaimsByOwnerAsync(CancellationToken ct) =>
            throw new NotSupportedException("A LiteDB file holds one bot, which the harness reads only after it stopped.");

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

        /// <summary>The file as <c>LiteDbFile</c> opens it for the bot: direct mode, ordinal collation (another would fail the open).</summary>
        private LiteDatabase Open() => new(new LiteDB.ConnectionString
        {
            Filename = databaseFile,
            Connection = ConnectionType.Direct,
            Collation = new Collation(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal),
        });
    }
}

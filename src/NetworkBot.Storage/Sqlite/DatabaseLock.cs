using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;
using NetworkBot.Storage.LiteDb;

namespace NetworkBot.Storage.Sqlite;

/// <summary>
/// One process per embedded database file (DESIGN.md, "Storage, durability and scale-out"): the process that opens
/// the database holds <c>&lt;db&gt;.lock</c> open with <see cref="FileShare.None"/> until it ends. That is an OS lock
/// (<c>flock</c> on Linux and macOS, a sharing mode on Windows): it goes away with the process however the process
/// ends, SIGKILL included, so a lock file left behind never blocks the next start. Because the locked file cannot be
/// read by another .NET process, the holder is described in <c>&lt;db&gt;.lock.holder</c>, which is information only.
/// A database in memory needs no lock. Both embedded stores take it the same way: SQLite's file, and LiteDB's, which
/// in direct mode keeps other processes out of its file on Windows only (on Linux its share mode is advisory), so two
/// processes writing one LiteDB file would corrupt it without this lock.
/// </summary>
public sealed class DatabaseLock : IDisposable
{
    /// <summary>The exit code of a verb refused because another process holds the database (2 is configuration, 3 a refused token).</summary>
    public const int InUseExitCode = 5;

    private readonly IDisposable? held;

    private DatabaseLock(IDisposable? held, string location)
    {
        this.held = held;
        Location = location;
    }

    /// <summary>The database file's full path (or the data source as given when it is not a file).</summary>
    public string Location { get; }

    /// <summary>
    /// The lock of a database several processes share by design (PostgreSQL, DESIGN.md "several processes on
    /// PostgreSQL"): nothing is held, and <paramref name="location"/> only names it.
    /// </summary>
    public static DatabaseLock Shared(string location) => new(null, location);

    /// <summary>
    /// Takes the lock of the configured embedded database (<paramref name="storage"/>: SQLite's or LiteDB's file) for
    /// this process, as <paramref name="verb"/>; false when another holds it, with that holder when it described itself
    /// (<see cref="DatabaseLockHolder"/>).
    /// </summary>
    public static bool TryAcquire(
        StorageOptions storage,
        string verb,
        TimeProvider time,
        [NotNullWhen(true)] out DatabaseLock? acquired,
        out DatabaseLockHolder? holder)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(time);
        holder = null;
        var location = FileOf(storage);
        if (location is null)
        {
            acquired = new DatabaseLock(null, new SqliteConnectionFactory(storage.ConnectionString).Location);
            return true;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(location)!);
        FileStream stream;
        try
        {
            stream = new FileStream(location + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(location + ".lock"))
        {
            acquired = null;
            holder = ReadHolder(location);
            return false;
        }

        var self = new DatabaseLockHolder(Environment.ProcessId, time.GetUtcNow(), verb);
        File.WriteAllText(HolderPath(location), self.Write());
        acquired = new DatabaseLock(stream, location);
        return true;
    }

    /// <summary>The lock of the SQLite database of <paramref name="connectionString"/>; see <see cref="TryAcquire(StorageOptions, string, TimeProvider, out DatabaseLock?, out DatabaseLockHolder?)"/>.</summary>
    public static bool TryAcquire(
        string connectionString,
        string verb,
        TimeProvider time,
        [NotNullWhen(true)] out DatabaseLock? acquired,
        out DatabaseLockHolder? holder) =>
        TryAcquire(new StorageOptions { ConnectionString = connectionString }, verb, time, out acquired, out holder);

    /// <summary>The one line a refused verb prints, naming the database as configured.</summary>
    public static string Refusal(StorageOptions storage, DatabaseLockHolder? holder) =>
        $"{InUse(storage, holder)}; stop it first or point Storage:ConnectionString elsewhere";

    /// <summary>Whose the database is, for a refusal: <c>the database … is in use by another NetworkBot process (pid …)</c>.</summary>
    public static string InUse(StorageOptions storage, DatabaseLockHolder? holder)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var database = storage.IsLiteDb ? LiteDbFile.LocationOf(storage.ConnectionString) : new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource;
        return $"the database {database} is in use by another NetworkBot process ({holder?.ToString() ?? "holder unknown"})";
    }

    /// <summary>The one line a verb refused on the SQLite database of <paramref name="connectionString"/> prints.</summary>
    public static string Refusal(string connectionString, DatabaseLockHolder? holder) =>
        Refusal(new StorageOptions { ConnectionString = connectionString }, holder);

    public void Dispose() => held?.Dispose();

    /// <summary>The full path of the embedded database's file; null for a SQLite database in memory, which needs no lock.</summary>
    private static string? FileOf(StorageOptions storage)
    {
        if (storage.IsLiteDb)
        {
            return LiteDbFile.LocationOf(storage.ConnectionString);
        }

        var database = new SqliteConnectionFactory(storage.ConnectionString);
        return database.IsFile ? database.Location : null;
    }

    private static string HolderPath(string location) => location + ".lock.holder";

    private static DatabaseLockHolder? ReadHolder(string location)
    {
        try
        {
            return DatabaseLockHolder.Read(File.ReadAllText(HolderPath(location)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The holder has not written it yet, or someone removed it: the refusal says the holder is unknown.
            return null;
        }
    }
}

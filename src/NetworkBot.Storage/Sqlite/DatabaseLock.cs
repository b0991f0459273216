using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace NetworkBot.Storage.Sqlite;

/// <summary>
/// One process per embedded database file (DESIGN.md, "Storage, durability and scale-out"): the process that opens
/// the database holds <c>&lt;db&gt;.lock</c> open with <see cref="FileShare.None"/> until it ends. That is an OS lock
/// (<c>flock</c> on Linux and macOS, a sharing mode on Windows): it goes away with the process however the process
/// ends, SIGKILL included, so a lock file left behind never blocks the next start. Because the locked file cannot be
/// read by another .NET process, the holder is described in <c>&lt;db&gt;.lock.holder</c>, which is information only.
/// A database in memory needs no lock.
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
    /// Takes the lock of <paramref name="connectionString"/>'s database for this process, as <paramref name="verb"/>;
    /// false when another holds it, with that holder when it described itself (<see cref="DatabaseLockHolder"/>).
    /// </summary>
    public static bool TryAcquire(
        string connectionString,
        string verb,
        TimeProvider time,
        [NotNullWhen(true)] out DatabaseLock? acquired,
        out DatabaseLockHolder? holder)
    {
        ArgumentNullException.ThrowIfNull(time);
        var database = new SqliteConnectionFactory(connectionString);
        holder = null;
        if (!database.IsFile)
        {
            acquired = new DatabaseLock(null, database.Location);
            return true;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(database.Location)!);
        FileStream stream;
        try
        {
            stream = new FileStream(database.Location + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(database.Location + ".lock"))
        {
            acquired = null;
            holder = ReadHolder(database.Location);
            return false;
        }

        var self = new DatabaseLockHolder(Environment.ProcessId, time.GetUtcNow(), verb);
        File.WriteAllText(HolderPath(database.Location), self.Write());
        acquired = new DatabaseLock(stream, database.Location);
        return true;
    }

    /// <summary>The one line a refused verb prints, naming the database as configured.</summary>
    public static string Refusal(string connectionString, DatabaseLockHolder? holder) =>
        $"the database {new SqliteConnectionStringBuilder(connectionString).DataSource} is in use by another NetworkBot process ({holder?.ToString() ?? "holder unknown"}); " +
        "stop it first or point Storage:ConnectionString elsewhere";

    public void Dispose() => held?.Dispose();

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

using System.Data.Common;
using System.Globalization;
using LiteDB;

namespace NetworkBot.Storage.LiteDb;

/// <summary>
/// A LiteDB file open in this process: its one <see cref="LiteDatabase"/> and its one <see cref="LiteDbWriter"/>.
/// LiteDB allows one <see cref="LiteDatabase"/> per file per process, and its <c>Connection=shared</c> mode is far slower
/// and has open mutex bugs on Linux (LiteDB #1918, #2787), so every store and migrator of a file shares one direct-mode
/// instance, counted: the last to let go closes the file. Another process is kept out by the same one-process lock as
/// SQLite's (<see cref="Sqlite.DatabaseLock"/>), which the verbs take before they open the store.
/// </summary>
/// <remarks>
/// Never shared mode (<see cref="LocationOf"/> refuses it) and never <c>Rebuild()</c> or <c>AutoRebuild</c> (LiteDB #2525:
/// a rebuild can lose documents). While <c>run</c> holds the file its log is folded in on a schedule
/// (<see cref="LiteDbCheckpointService"/>); a backup is a checkpoint and a copy on the writer thread (<see cref="LiteDbBackup"/>).
/// </remarks>
internal sealed class LiteDbFile
{
    private static readonly Dictionary<string, LiteDbFile> Open = new(StringComparer.Ordinal);
    private static readonly Lock OpenLock = new();

    // Where LiteDB 5's header page (HeaderPage) writes its banner and its file format version, and that version.
    private const int HeaderInfoAt = 32;
    private const int FileVersionAt = 59;
    private const int HeaderEnd = 60;
    private const byte FileVersion = 8;

    private int users;

    private LiteDbFile(string location)
    {
        Location = location;
        Directory.CreateDirectory(Path.GetDirectoryName(location)!);
        Database = OpenDirect(location);
        Writer = new LiteDbWriter(Database);
    }

    /// <summary>The file's full path.</summary>
    public string Location { get; }

    public LiteDatabase Database { get; }

    public LiteDbWriter Writer { get; }

    /// <summary>
    /// The file <paramref name="connectionString"/> names (<c>Filename=…</c>), as a full path; a connection string asking
    /// for anything but direct mode, or naming no file, is refused.
    /// </summary>
    public static string LocationOf(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (builder.TryGetValue("Connection", out var mode) && !string.Equals(mode as string, "direct", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("LiteDB is opened in direct mode only (Connection=direct): shared mode is slow and unreliable on Linux.", nameof(connectionString));
        }

        var file = (builder.TryGetValue("Filename", out var name) ? name : builder.TryGetValue("Data Source", out var source) ? source : null) as string;
        if (string.IsNullOrWhiteSpace(file) || file == ":memory:")
        {
            throw new ArgumentException("A LiteDB connection string names its file: Filename=data/networkbot.litedb.", nameof(connectionString));
        }

        return Path.GetFullPath(file);
    }

    /// <summary>
    /// The outbox owners that have claimed messages in this file in this process, by any of its stores; read and written
    /// on the writer thread only. A claim by any other owner is a killed process's (one process uses a file).
    /// </summary>
    public HashSet<string> Claimants { get; } = new(StringComparer.Ordinal);

    /// <summary>The file <paramref name="connectionString"/> names, opened once per process and shared.</summary>
    public static LiteDbFile Acquire(string connectionString)
    {
        var location = LocationOf(connectionString);
        lock (OpenLock)
        {
            if (!Open.TryGetValue(location, out var file))
            {
                file = new LiteDbFile(location);
                Open.Add(location, file);
            }

            file.users++;
            return file;
        }
    }

    /// <summary>
    /// The file in direct mode. A file LiteDB cannot read (another kind of file, a damaged header) fails as the store
    /// failing, in one sentence, rather than with whatever LiteDB's header parser happened to throw.
    /// </summary>
    private static LiteDatabase OpenDirect(string location)
    {
        if (!HasLiteDbHeader(location))
        {
            throw Unopenable(location, "no LiteDB header", null);
        }

        try
        {
            return new LiteDatabase(new LiteDB.ConnectionString
            {
                Filename = location,
                Connection = ConnectionType.Direct,
                // Compared as .NET compares ordinally, so a key means the same to LiteDB as to the store's code.
                Collation = new Collation(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal),
            });
        }
        catch (Exception exception) when (exception is LiteException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or InvalidCastException)
        {
            throw Unopenable(location, exception.Message, exception);
        }
    }

    /// <summary>The one sentence for a file LiteDB cannot read, with <paramref name="why"/>.</summary>
    private static LiteDbFailureException Unopenable(string location, string why, Exception? cause)
    {
        var sentence = $"the LiteDB file {location} cannot be opened, it is not a LiteDB file or it is damaged ({why}); "
            + "restore a backup or point Storage:ConnectionString elsewhere.";
        return cause is null ? new(sentence) : new(sentence, cause);
    }

    /// <summary>
    /// Whether the file at <paramref name="path"/> is missing, empty (LiteDB makes it) or begins with LiteDB 5's header.
    /// Checked before LiteDB opens it, because LiteDB first cuts any file to whole 8 KB pages, so it would shorten a file
    /// that is not its own (another store's, someone's notes) before failing to read it.
    /// </summary>
    internal static bool HasLiteDbHeader(string path)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return true;
        }

        Span<byte> header = stackalloc byte[HeaderEnd];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return stream.ReadAtLeast(header, HeaderEnd, throwOnEndOfStream: false) == HeaderEnd
            && header[HeaderInfoAt..FileVersionAt].SequenceEqual("** This is a LiteDB file **"u8)
            && header[FileVersionAt] == FileVersion;
    }

    /// <summary>Lets go of the file; the last user closes it, after the writer has finished its queue.</summary>
    public void Release()
    {
        lock (OpenLock)
        {
            if (--users > 0)
            {
                return;
            }

            Open.Remove(Location);
        }

        Writer.Dispose();
        Database.Dispose();
    }
}

namespace NetworkBot.Bench.Storage;

/// <summary>
/// A provider whose databases are files in a temporary folder, deleted at the end, each opened by one process as the bot
/// opens it; the files are named so the soak can watch the data file and its log grow.
/// </summary>
/// <param name="extension">The data file's extension, with its dot.</param>
internal abstract class EmbeddedBenchProvider(string extension) : BenchProvider
{
    private int databases;

    public override bool SharedByInstances => false;

    /// <summary>Where the files go, made at construction.</summary>
    protected DirectoryInfo Folder { get; } = Directory.CreateTempSubdirectory("networkbot-storage-");

    public override Task<string> CreateDatabaseAsync(CancellationToken ct) => Task.FromResult(CreateFile().ConnectionString);

    /// <summary>A new database file's connection string, the data file and the log file the engine writes beside it.</summary>
    public (string ConnectionString, string DataFile, string LogFile) CreateFile()
    {
        var file = Path.Combine(Folder.FullName, $"bench-{Interlocked.Increment(ref databases)}{extension}");
        return (ConnectionStringFor(file), file, LogFileOf(file));
    }

    public override ValueTask DisposeAsync()
    {
        Closing();
        Folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    protected abstract string ConnectionStringFor(string file);

    /// <summary>The file the engine logs commits to before they reach <paramref name="file"/> (SQLite's WAL, LiteDB's log).</summary>
    protected abstract string LogFileOf(string file);

    /// <summary>Lets go of what keeps the files open (pooled connections) before they are deleted.</summary>
    protected virtual void Closing()
    {
    }
}

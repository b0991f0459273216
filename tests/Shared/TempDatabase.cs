namespace NetworkBot.Tests;

/// <summary>A real SQLite database file in a fresh temporary folder, removed afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "networkbot-tests", Guid.NewGuid().ToString("N"));

    public string FilePath => Path.Combine(Folder, "networkbot.db");

    public string ConnectionString => $"Data Source={FilePath}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finalising connection; the temp folder is cleaned by the OS later.
        }
    }
}

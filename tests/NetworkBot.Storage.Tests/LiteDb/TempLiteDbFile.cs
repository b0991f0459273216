using Microsoft.Extensions.Options;
using NetworkBot.Storage.LiteDb;

namespace NetworkBot.Storage.Tests.LiteDb;

/// <summary>A LiteDB file in a folder of its own, removed with it.</summary>
public sealed class TempLiteDbFile : IDisposable
{
    private readonly string directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "networkbot-litedb-" + Guid.NewGuid().ToString("N"));

    public string FilePath => System.IO.Path.Combine(directory, "networkbot.litedb");

    public string ConnectionString => $"Filename={FilePath}";

    public IOptions<StorageOptions> Options => Microsoft.Extensions.Options.Options.Create(
        new StorageOptions { Provider = StorageOptions.LiteDbProvider, ConnectionString = ConnectionString });

    public LiteDbStore Store() => new(Options);

    public LiteDbMigrator Migrator() => new(Options);

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

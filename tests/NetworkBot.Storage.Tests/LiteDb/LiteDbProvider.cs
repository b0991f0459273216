using NetworkBot.Storage.Tests.Conformance;

namespace NetworkBot.Storage.Tests.LiteDb;

/// <summary>The conformance suite's LiteDB: a real file in a temp folder, with its indexes made by the real migrator.</summary>
public sealed class LiteDbProvider : StoreProvider
{
    public override async Task<IStoreUnderTest> CreateAsync(CancellationToken ct)
    {
        var file = new TempLiteDbFile();
        await file.Migrator().MigrateAsync(ct);
        return new LiteDbStoreUnderTest(file);
    }
}

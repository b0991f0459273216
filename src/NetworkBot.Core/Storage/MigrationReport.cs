namespace NetworkBot.Core.Storage;

/// <summary>What a migration run did: the schema version before and after, and where the data lives.</summary>
public sealed record MigrationReport(int FromVersion, int ToVersion, string Location)
{
    public bool CreatedNew => FromVersion == 0;
}

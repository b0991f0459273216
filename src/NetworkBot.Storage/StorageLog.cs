using Microsoft.Extensions.Logging;

namespace NetworkBot.Storage;

/// <summary>Log lines of the storage layer. The database location is logged, never the connection string.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Applied schema migration {Version} ({Description}) to {Location}")]
    public static partial void MigrationApplied(ILogger logger, int version, string description, string location);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Schema of {Location} is at version {Version}, newer than the {Latest} this build knows; leaving it as it is")]
    public static partial void SchemaNewerThanBuild(ILogger logger, string location, int version, int latest);
}

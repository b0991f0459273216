using Microsoft.Extensions.Logging;

namespace NetworkBot.Storage;

/// <summary>Log lines of the storage layer. The database location is logged, never the connection string.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Applied schema migration {Version} ({Description}) to {Location}")]
    public static partial void MigrationApplied(ILogger logger, int version, string description, string location);
}

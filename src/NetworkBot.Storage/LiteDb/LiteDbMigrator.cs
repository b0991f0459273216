using Microsoft.Extensions.Options;
using NetworkBot.Core.Storage;

namespace NetworkBot.Storage.LiteDb;

/// <summary>
/// Brings a LiteDB file up to <see cref="LiteDbSchema.Version"/>: ensures the indexes and records the version, on the
/// writer thread. A file written by a newer build is refused (<see cref="SchemaNewerThanBuildException"/>) and left as
/// it is.
/// </summary>
public sealed class LiteDbMigrator(IOptions<StorageOptions> options) : IStoreMigrator
{
    public async Task<MigrationReport> MigrateAsync(CancellationToken ct)
    {
        var file = LiteDbFile.Acquire(options.Value.ConnectionString);
        try
        {
            return await file.Writer.MaintainAsync(
                db =>
                {
                    var from = db.UserVersion;
                    if (from > LiteDbSchema.Version)
                    {
                        throw new SchemaNewerThanBuildException(
                            $"the LiteDB file {file.Location} is at version {from}, newer than the {LiteDbSchema.Version} this build knows; run a newer build (or restore a backup).");
                    }

                    LiteDbSchema.Upgrade(db, from);
                    LiteDbSchema.EnsureIndexes(db);
                    db.UserVersion = LiteDbSchema.Version;
                    return new MigrationReport(from, LiteDbSchema.Version, file.Location);
                },
                ct).ConfigureAwait(false);
        }
        finally
        {
            file.Release();
        }
    }
}

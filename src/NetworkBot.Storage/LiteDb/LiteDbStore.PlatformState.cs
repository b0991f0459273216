using LiteDB;

namespace NetworkBot.Storage.LiteDb;

public sealed partial class LiteDbStore
{
    public Task<string?> GetPlatformStateAsync(string key, CancellationToken ct) =>
        ReadAsync(db => Collection(db, LiteDbCollections.PlatformState).FindById(key)?["value"].AsString, ct);

    public Task SetPlatformStateAsync(string key, string value, DateTimeOffset at, CancellationToken ct) =>
        WriteAsync(
            db => Collection(db, LiteDbCollections.PlatformState).Upsert(new BsonDocument
            {
                ["_id"] = key,
                ["value"] = value,
                ["updated_at"] = LiteDbValues.Instant(at),
            }),
            ct);
}

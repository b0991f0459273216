using NetworkBot.Core.Platform;

namespace NetworkBot.Storage.LiteDb;

public sealed partial class LiteDbStore
{
    public Task<string?> GetPlatformStateAsync(string key, CancellationToken ct) => throw new NotImplementedException();

    public Task SetPlatformStateAsync(string key, string value, DateTimeOffset at, CancellationToken ct) => throw new NotImplementedException();
}

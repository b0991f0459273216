namespace NetworkBot.Core.Platform;

/// <summary>
/// Bot-wide values an adapter keeps across restarts; no member data. Part of <see cref="Storage.IStore"/>, which a
/// storage provider implements.
/// </summary>
public interface IPlatformStateStore
{
    /// <summary>
    /// A bot-wide value an adapter keeps across restarts, such as the hash of the command table it last registered
    /// (<c>discord:commands:global</c>). Holds no member data; null when never set.
    /// </summary>
    Task<string?> GetPlatformStateAsync(string key, CancellationToken ct);

    Task SetPlatformStateAsync(string key, string value, DateTimeOffset at, CancellationToken ct);
}

namespace NetworkBot.Storage.Relational;

public abstract partial class RelationalStore
{
    public async Task<string?> GetPlatformStateAsync(string key, CancellationToken ct) =>
        (await QueryAsync(
            "SELECT value FROM platform_state WHERE state_key = @key",
            [("key", key)],
            r => r.GetString(0),
            ct).ConfigureAwait(false)).FirstOrDefault();

    public Task SetPlatformStateAsync(string key, string value, DateTimeOffset at, CancellationToken ct) =>
        ExecuteAsync(
            """
            INSERT INTO platform_state (state_key, value, updated_at) VALUES (@key, @value, @at)
            ON CONFLICT (state_key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """,
            [("key", key), ("value", value), ("at", at)],
            ct);
}

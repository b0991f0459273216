using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetworkBot.Host.Shell;
using NetworkBot.Storage;
using NetworkBot.Storage.Sqlite;

namespace NetworkBot.Host.Hosting;

/// <summary>
/// Where a verb that opens the database takes its <see cref="DatabaseLock"/>, before anything reads or migrates
/// it, and holds it until the verb ends; a refusal is one line naming the holder (exit code <see cref="DatabaseLock.InUseExitCode"/>).
/// Both embedded stores (SQLite and LiteDB) are locked alike, by their file. A PostgreSQL database takes no lock:
/// several instances share it (outbox claims and per-community step locks keep them from doing a thing twice).
/// </summary>
internal static class DatabaseGate
{
    /// <summary>
    /// The lock for <paramref name="verb"/>, or null after telling the operator who holds the database: in
    /// <paramref name="refusal"/>'s words when the verb has a better way to offer than stopping the holder.
    /// </summary>
    public static async Task<DatabaseLock?> EnterAsync(
        IServiceProvider services, string verb, ShellConsole console, Func<StorageOptions, DatabaseLockHolder?, string>? refusal = null)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (storage.IsPostgres)
        {
            return DatabaseLock.Shared(StorageOptions.PostgresProvider);
        }

        if (DatabaseLock.TryAcquire(storage, verb, TimeProvider.System, out var acquired, out var holder))
        {
            return acquired;
        }

        await console.Error.WriteLineAsync(refusal?.Invoke(storage, holder) ?? $"networkbot: {DatabaseLock.Refusal(storage, holder)}").ConfigureAwait(false);
        return null;
    }
}

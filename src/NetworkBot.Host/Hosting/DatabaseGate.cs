using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetworkBot.Host.Shell;
using NetworkBot.Storage;
using NetworkBot.Storage.Postgres;
using NetworkBot.Storage.Sqlite;

namespace NetworkBot.Host.Hosting;

/// <summary>
/// Where a verb that opens the database takes its <see cref="DatabaseLock"/>, before anything reads or migrates
/// it, and holds it until the verb ends; a refusal is one line naming the holder (exit code <see cref="DatabaseLock.InUseExitCode"/>).
/// On PostgreSQL only <c>run</c> takes a lock: one instance per database until several can share it.
/// </summary>
internal static class DatabaseGate
{
    /// <summary>The lock for <paramref name="verb"/>, or null after telling the operator who holds the database.</summary>
    public static async Task<DatabaseLock?> EnterAsync(IServiceProvider services, string verb, ShellConsole console)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (storage.IsPostgres)
        {
            return await EnterPostgresAsync(storage, verb, console).ConfigureAwait(false);
        }

        if (DatabaseLock.TryAcquire(storage.ConnectionString, verb, TimeProvider.System, out var acquired, out var holder))
        {
            return acquired;
        }

        await console.Error.WriteLineAsync($"networkbot: {DatabaseLock.Refusal(storage.ConnectionString, holder)}").ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// Only <c>run</c> holds a PostgreSQL database, and only until several instances can share one
    /// (<see cref="PostgresInstanceLock"/>); the other verbs (export, import, migrate…) work beside a running bot.
    /// </summary>
    private static async Task<DatabaseLock?> EnterPostgresAsync(StorageOptions storage, string verb, ShellConsole console)
    {
        if (verb != "run")
        {
            return DatabaseLock.Shared(StorageOptions.PostgresProvider);
        }

        if (await PostgresInstanceLock.TryAcquireAsync(storage.ConnectionString, CancellationToken.None).ConfigureAwait(false) is { } held)
        {
            return DatabaseLock.Holding(held, StorageOptions.PostgresProvider);
        }

        await console.Error.WriteLineAsync(
            "networkbot: another NetworkBot instance is running on this PostgreSQL database; run one instance until several are supported").ConfigureAwait(false);
        return null;
    }
}

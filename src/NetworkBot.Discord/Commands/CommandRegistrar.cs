using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Platform;
using NetworkBot.Discord.Rest;

namespace NetworkBot.Discord.Commands;

/// <summary>
/// Registers the command table with one bulk overwrite per scope (global, or each of <c>Discord:GuildIds</c>) at
/// start, and only when the table changed since the last registration for that application and scope: the hash of
/// what was registered is kept in the store, so restarts and deploys of the same version cost no API call.
/// </summary>
public sealed partial class CommandRegistrar(
    DiscordRestClient rest,
    IPlatformStateStore store,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<CommandRegistrar> logger)
{
    /// <summary>Registers where needed; returns how many scopes were written.</summary>
    public async Task<int> EnsureRegisteredAsync(Snowflake applicationId, CancellationToken ct)
    {
        var commands = CommandRegistration.ForTable();
        var hash = CommandRegistration.ContentHash(commands);
        using var body = JsonDocument.Parse(CommandRegistration.ToJson(commands));
        var guilds = options.Value.GuildIds.Select(Snowflake.Parse).ToList();
        var written = 0;
        foreach (var guild in guilds.Count == 0 ? [(Snowflake?)null] : guilds.Select(g => (Snowflake?)g))
        {
            var scope = guild is { } g ? $"guild {g}" : "global";
            var key = $"discord:commands:{applicationId}:{(guild is { } id ? id.ToString() : "global")}";
            if (await store.GetPlatformStateAsync(key, ct).ConfigureAwait(false) == hash)
            {
                Unchanged(logger, scope);
                continue;
            }

            var registered = guild is { } guildId
                ? await rest.BulkOverwriteGuildCommandsAsync(applicationId, guildId, body.RootElement, ct).ConfigureAwait(false)
                : await rest.BulkOverwriteGlobalCommandsAsync(applicationId, body.RootElement, ct).ConfigureAwait(false);
            await store.SetPlatformStateAsync(key, hash, time.GetUtcNow(), ct).ConfigureAwait(false);
            Registered(logger, registered.Count, scope);
            written++;
        }

        return written;
    }

    [LoggerMessage(EventId = 2400, Level = LogLevel.Information, Message = "Registered {Count} Discord commands ({Scope})")]
    private static partial void Registered(ILogger logger, int count, string scope);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Information, Message = "Discord commands unchanged since the last registration ({Scope}); not registered again")]
    private static partial void Unchanged(ILogger logger, string scope);
}

using System.Collections.Concurrent;

namespace NetworkBot.Discord.Rest;

/// <summary>
/// Each member's DM channel once opened: Discord returns the same channel every time, so a second DM to a member (the
/// round's "did you meet?" after a reminder, a data export after a check-in) is one call instead of two. One cache for
/// the outbox's DMs and the files an interaction sends to the member's DMs.
/// </summary>
public sealed class DiscordDmChannels(DiscordRestClient rest)
{
    /// <summary>DM channels kept at most; past it the cache starts again (a DM open is one call, not an error).</summary>
    public const int MaxCached = 100_000;

    private readonly ConcurrentDictionary<Snowflake, Snowflake> channels = new();

    /// <summary>The DM channel with <paramref name="user"/>, opened on first use.</summary>
    public async Task<Snowflake> OfAsync(Snowflake user, CancellationToken ct)
    {
        if (channels.TryGetValue(user, out var known))
        {
            return known;
        }

        var dm = await rest.CreateDmAsync(user, ct).ConfigureAwait(false);
        if (channels.Count >= MaxCached)
        {
            channels.Clear();
        }

        channels[user] = dm.Id;
        return dm.Id;
    }
}

using System.Globalization;
using NetworkBot.Transport;

namespace NetworkBot.Discord;

/// <summary>The <c>Discord</c> configuration section. Discord is enabled when <see cref="Token"/> is set.</summary>
public sealed class DiscordOptions : IPlatformOptions
{
    public const string Section = "Discord";

    public string? Token { get; set; }

    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10");

    /// <summary>
    /// Guilds to register the commands in (instant, for development and private bots); global registration, which
    /// Discord rolls out to every guild, when empty.
    /// </summary>
    public IList<string> GuildIds { get; } = [];

    /// <summary>The one shard this process runs, with <see cref="ShardCount"/>; both unset runs all shards Discord recommends.</summary>
    public int? ShardId { get; set; }

    /// <summary>The bot's total number of shards, with <see cref="ShardId"/>.</summary>
    public int? ShardCount { get; set; }

    /// <summary>
    /// Calls per second the bot paces all its REST calls to (interaction answers excepted): Discord documents 50 per bot.
    /// Raise it only for a bot Discord granted more; the fan-out benchmark raises it with the fake's limits to compress time.
    /// </summary>
    public double GlobalRequestsPerSecond { get; set; } = Rest.DiscordRateLimiter.DocumentedGlobalRequestsPerSecond;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Token);

    /// <summary>What must hold besides an absolute <see cref="ApiBaseUrl"/>, each with the line shown when it does not.</summary>
    internal static IReadOnlyList<(Func<DiscordOptions, bool> Holds, string Problem)> Rules { get; } =
    [
        (o => o.GuildIds.All(id => ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)), "Discord:GuildIds must hold server ids, numbers such as 81384788765712384."),
        (o => o.ShardId.HasValue == o.ShardCount.HasValue, "Set both Discord:ShardId and Discord:ShardCount, or neither to run all shards Discord recommends."),
        (o => o.GlobalRequestsPerSecond > 0, "Discord:GlobalRequestsPerSecond must be above 0; Discord allows 50 per bot."),
        (o => o.ShardCount is null or > 0, "Discord:ShardCount must be at least 1."),
        (o => o.ShardId is null || (o.ShardId >= 0 && o.ShardId < o.ShardCount), "Discord:ShardId must be at least 0 and below Discord:ShardCount."),
    ];
}

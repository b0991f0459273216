namespace NetworkBot.Discord;

/// <summary>The <c>Discord</c> configuration section. Discord is enabled when <see cref="Token"/> is set.</summary>
public sealed class DiscordOptions
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

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Token);
}

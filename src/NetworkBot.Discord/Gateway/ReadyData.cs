using System.Text.Json.Serialization;
using NetworkBot.Discord.Interactions;

namespace NetworkBot.Discord.Gateway;

/// <summary>
/// <c>d</c> of the <c>READY</c> dispatch: what a later Resume needs (<see cref="SessionId"/>,
/// <see cref="ResumeGatewayUrl"/>) and who the bot is. Guilds arrive later as <c>GUILD_CREATE</c>.
/// </summary>
public sealed record ReadyData(
    int V,
    DiscordUser User,
    [property: JsonRequired] string SessionId,
    [property: JsonRequired] string ResumeGatewayUrl,
    ReadyApplication Application,
    IReadOnlyList<int>? Shard = null);

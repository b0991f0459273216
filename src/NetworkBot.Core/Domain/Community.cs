using NetworkBot.Core.Replies;

namespace NetworkBot.Core.Domain;

/// <summary>A Discord guild, a Slack workspace or a local shell community.</summary>
public sealed record Community(CommunityId Id, string Name, CommunitySettings Settings, DateTimeOffset CreatedAt)
{
    /// <summary>As the platform names it, never holding the bot's markup (<see cref="UserText"/>).</summary>
    public string Name { get; init => field = UserText.Literal(value); } = UserText.Literal(Name);
}

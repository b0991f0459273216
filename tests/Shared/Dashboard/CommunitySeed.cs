using NetworkBot.Core.Domain;

namespace NetworkBot.Tests.Dashboard;

/// <summary>
/// What <see cref="CommunitySeeder"/> makes: a community of <see cref="Members"/> members who lived through
/// <see cref="Rounds"/> weekly coffee rounds of <see cref="GroupSize"/> and <see cref="Events"/> events, up to
/// <see cref="Now"/>. The same seed gives the same community, row for row.
/// </summary>
public sealed record CommunitySeed(CommunityId Community, string Name, Language Language)
{
    public int Members { get; init; } = 200;

    public int Rounds { get; init; } = 12;

    public int GroupSize { get; init; } = 2;

    public int Events { get; init; } = 4;

    public int Seed { get; init; } = 16;

    /// <summary>
    /// The channel rounds are announced in (settings and schedule). A platform's bot delivers only to ids it can
    /// parse, so a run of the real bot gives one of its platform (a Discord snowflake, a Slack channel id).
    /// </summary>
    public string CoffeeChannel { get; init; } = "coffee";

    /// <summary>
    /// The id of the n-th member (from 1), in joining order; the default spells them <c>m00001</c>…. A run of the real
    /// bot gives ids of its platform (Discord snowflakes, Slack user ids) so the bot can reach each member.
    /// </summary>
    public Func<int, MemberId> MemberId { get; init; } = n => new MemberId($"m{n:D5}");

    /// <summary>
    /// The moment the data reaches: the last round started six days before it and is still open (asked "did you meet?",
    /// half answered); the last event, when there are two or more, is still ahead.
    /// </summary>
    public DateTimeOffset Now { get; init; } = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);
}

using NetworkBot.Tests;

namespace NetworkBot.Slack.Tests.Fakes;

/// <summary>
/// Slack's Web API rate limits as <see cref="FakeSlackApi.LimitLikeSlack"/> enforces them, per method per workspace:
/// <c>conversations.open</c> (Tier 3: 50 per minute), and <c>chat.postMessage</c>'s special limit, about one message per
/// second per channel with short bursts plus a workspace limit Slack gives no number for ("several hundred messages per
/// minute": 300 here). Slack tolerates bursts without saying how large: a tenth of a minute's worth here, three posts
/// per channel. Past a limit the fake answers 429 with <c>Retry-After</c> in whole seconds, as Slack does.
/// </summary>
public sealed record FakeSlackLimits(IReadOnlyDictionary<string, (double PerMinute, int Burst)> Methods, double PostsPerChannelPerSecond, int PostsPerChannelBurst)
{
    public const double Tier3PerMinute = 50;
    public const double WorkspacePostsPerMinute = 300;

    /// <summary>The limits above with time running <paramref name="scale"/> times faster (every rate multiplied), so a bound computed from them shrinks alike.</summary>
    public static FakeSlackLimits Scaled(double scale) => new(
        new Dictionary<string, (double, int)>(StringComparer.Ordinal)
        {
            ["conversations.open"] = Tier(Tier3PerMinute * scale),
            ["chat.postMessage"] = Tier(WorkspacePostsPerMinute * scale),
        },
        scale,
        3);

    /// <summary>The fake's bucket for one method's limit in the workspace.</summary>
    public FakeRate? RateOf(string method) => Methods.TryGetValue(method, out var limit) ? new FakeRate(limit.PerMinute / 60, limit.Burst) : null;

    private static (double, int) Tier(double perMinute) => (perMinute, Math.Max(1, (int)(perMinute / 10)));
}

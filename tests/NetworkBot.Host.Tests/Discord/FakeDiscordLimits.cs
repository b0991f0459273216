namespace NetworkBot.Host.Tests.Discord;

/// <summary>
/// Discord's HTTP rate limits as <see cref="FakeDiscordApi.LimitLikeDiscord"/> enforces them: the global limit per bot
/// (Discord documents 50 requests per second; interaction answers are exempt), counted as a bucket of
/// <see cref="GlobalBurst"/> refilled at the rate, and a bucket per channel for posting messages, announced in
/// <c>X-RateLimit-*</c> headers as Discord does (Discord documents no number for it: 5 per 5 s is what it typically answers).
/// Past either the fake answers 429 with <c>retry_after</c> (and <c>X-RateLimit-Global</c> for the global one).
/// </summary>
/// <remarks>
/// Threads and thread members get no bucket of their own here: Discord documents none, so only the global limit
/// holds them back; a benchmark's bound is then what the global limit allows.
/// </remarks>
public sealed record FakeDiscordLimits(double GlobalPerSecond, int GlobalBurst, int MessagesPerChannel, TimeSpan MessageWindow)
{
    public const int DocumentedGlobalPerSecond = 50;

    /// <summary>
    /// The limits above with time running <paramref name="scale"/> times faster: every rate multiplied, every window
    /// divided, so a benchmark's bound (computed from these) shrinks by the same factor as the run.
    /// </summary>
    public static FakeDiscordLimits Scaled(double scale) =>
        new(DocumentedGlobalPerSecond * scale, Math.Max(1, (int)(DocumentedGlobalPerSecond * scale)), 5, TimeSpan.FromSeconds(5 / scale));
}

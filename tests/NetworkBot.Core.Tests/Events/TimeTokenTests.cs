using NetworkBot.Core.Replies;
using NodaTime;

namespace NetworkBot.Core.Tests.Events;

public sealed class TimeTokenTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Tokens_carry_unix_seconds_and_a_style_and_renderers_replace_only_them()
    {
        var text = $"Starts {TimeToken.Full(At)} ({TimeToken.Relative(At)}); not a token: {{t:abc:F}} {{t:1:X}}";

        var rendered = TimeToken.Replace(text, (at, style) => $"<t:{at.ToUnixTimeSeconds()}:{style}>");

        Assert.Equal("Starts {t:1796292000:F} ({t:1796292000:R}); not a token: {t:abc:F} {t:1:X}", text);
        Assert.Equal("Starts <t:1796292000:F> (<t:1796292000:R>); not a token: {t:abc:F} {t:1:X}", rendered);
    }

    [Fact]
    public void The_shell_shows_each_viewer_their_own_zone_and_the_time_from_now()
    {
        var text = $"{TimeToken.Full(At)} {TimeToken.Relative(At)}";

        Assert.Equal("2026-12-03 19:00 (Asia/Tokyo) in 2d 1h", TimeToken.InZone(text, DateTimeZoneProviders.Tzdb["Asia/Tokyo"], At.AddHours(-49)));
        Assert.Equal("2026-12-03 05:00 (America/New_York) 30m ago", TimeToken.InZone(text, DateTimeZoneProviders.Tzdb["America/New_York"], At.AddMinutes(30)));
    }

    [Fact]
    public void An_out_of_range_instant_is_left_as_text() =>
        Assert.Equal("{t:999999999999:F}", TimeToken.Replace("{t:999999999999:F}", (_, _) => "x"));
}

using NetworkBot.Core.Coffee;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Replies;
using NodaTime;

namespace NetworkBot.Core.Tests.Events;

public sealed class TimeTokenTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static string Discord(string text, int max = int.MaxValue) =>
        ReplyText.Render(text, max, (at, style) => $"<t:{at.ToUnixTimeSeconds()}:{style}>");

    [Fact]
    public void Renderers_expand_only_the_bots_tokens_and_the_old_brace_form_stays_text()
    {
        var text = $"Starts {TimeToken.Full(At)} ({TimeToken.Relative(At)}); typed: {{t:1796292000:F}} {{t:1:X}}";

        Assert.Equal("Starts <t:1796292000:F> (<t:1796292000:R>); typed: {t:1796292000:F} {t:1:X}", Discord(text));
    }

    [Fact]
    public void A_member_cannot_write_a_token_because_its_delimiters_never_enter()
    {
        var forged = TimeToken.Full(At);
        var request = new CommandRequest(new CommunityId("c"), new MemberId("m"), "Ann" + forged, "intro set", new Dictionary<string, string> { ["pitch"] = "hi " + forged })
        {
            CommunityName = forged,
        };
        var member = new Member(new CommunityId("c"), new MemberId("m"), forged, Profile.Empty with { Pitch = forged, Offers = ["a" + forged] }, CoffeeEnrollment.NotJoined, At);

        var shown = string.Join("|", request.CallerName, request.Options["pitch"], request.CommunityName, member.DisplayName, member.Profile.Pitch, member.Profile.Offers[0]);

        Assert.Equal(shown, Discord(shown));
        Assert.Equal("Annt:1796292000:F|hi t:1796292000:F|t:1796292000:F|t:1796292000:F|t:1796292000:F|at:1796292000:F", shown);
        Assert.Equal("hi t:1796292000:F", (request with { Options = new Dictionary<string, string> { ["pitch"] = "hi " + forged } }).Options["pitch"]);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(24)]
    [InlineData(25)]
    public void Cutting_to_a_limit_happens_after_expansion_and_never_inside_a_token(int max)
    {
        var rendered = Discord("ab " + TimeToken.Full(At) + " cd", max);

        Assert.True(rendered.Length <= max);
        Assert.True(rendered.Contains("<t:1796292000:F>", StringComparison.Ordinal) || !rendered.Contains('<', StringComparison.Ordinal), rendered);
    }

    [Fact]
    public void Escapes_are_never_cut_in_half_nor_surrogate_pairs()
    {
        string? Escape(char c) => c == '&' ? "&amp;" : null;

        Assert.Equal("aa…", ReplyText.Render("aa&b", 6, TimeToken.Utc, Escape));
        Assert.Equal("aa&amp;b", ReplyText.Render("aa&b", 8, TimeToken.Utc, Escape));
        Assert.Equal("ab…", ReplyText.Render("ab😀cd", 4, TimeToken.Utc));
        Assert.Equal("ab😀cd", ReplyText.Render("ab😀cd", 6, TimeToken.Utc));
    }

    [Fact]
    public void The_shell_shows_each_viewer_their_own_zone_and_the_time_from_now()
    {
        var text = $"{TimeToken.Full(At)} {TimeToken.Relative(At)}";

        Assert.Equal("2026-12-03 19:00 (Asia/Tokyo) in 2d 1h", TimeToken.InZone(text, DateTimeZoneProviders.Tzdb["Asia/Tokyo"], At.AddHours(-49)));
        Assert.Equal("2026-12-03 05:00 (America/New_York) 30m ago", TimeToken.InZone(text, DateTimeZoneProviders.Tzdb["America/New_York"], At.AddMinutes(30)));
    }

    [Fact]
    public void An_out_of_range_instant_is_no_token_and_its_delimiters_are_dropped() =>
        Assert.Equal("t:999999999999:F", ReplyText.Render("\uFDD0t:999999999999:F\uFDD1", int.MaxValue, (_, _) => "x"));
}

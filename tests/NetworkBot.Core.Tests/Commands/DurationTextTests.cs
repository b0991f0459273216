using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Storage;
using NSubstitute;

namespace NetworkBot.Core.Tests.Commands;

public sealed class DurationTextTests
{
    private static readonly CommandSpec CreateEvent = CommandTable.Find("admin events create")!;

    [Property]
    public Property Every_length_from_5_minutes_to_24_hours_reads_back_in_every_written_form() =>
        Prop.ForAll(
            Gen.Choose(0, 24).SelectMany(h => Gen.Choose(0, 59).Select(m => (h, m))).Where(t => t.h * 60 + t.m is >= 5 and <= 1440).ToArbitrary(),
            ((int H, int M) t) =>
            {
                var total = t.H * 60 + t.M;
                var expected = TimeSpan.FromMinutes(total);
                string[] written =
                [
                    $"{t.H}h{t.M}m", $"{t.H}h {t.M}m", $"{t.H}H{t.M}M", $"{total}m", $"{total}", $"{t.H}時間{t.M}分", $"{total}分",
                    DurationText.Format(expected),
                ];
                Assert.All(written, text =>
                {
                    Assert.True(DurationText.TryParse(text, out var parsed), text);
                    Assert.Equal(expected, parsed);
                });
            });

    [Theory]
    [InlineData("2h", 120)]
    [InlineData("1h30m", 90)]
    [InlineData("1h 30m", 90)]
    [InlineData("90", 90)]
    [InlineData("2時間", 120)]
    [InlineData("1時間30分", 90)]
    [InlineData("1時間半", 90)]
    [InlineData("２時間", 120)]
    [InlineData("１ｈ３０ｍ", 90)]
    [InlineData("1 hour 30 min", 90)]
    [InlineData("2d", 2880)]
    public void Common_ways_of_writing_a_length_are_understood(string text, int minutes)
    {
        Assert.True(DurationText.TryParse(text, out var parsed));
        Assert.Equal(TimeSpan.FromMinutes(minutes), parsed);
    }

    [Theory]
    [InlineData("1h30m", 90)]
    [InlineData("2h", 120)]
    [InlineData("45m", 45)]
    [InlineData("24h", 1440)]
    public void A_length_is_written_in_its_shortest_form(string text, int minutes) =>
        Assert.Equal(text, DurationText.Format(TimeSpan.FromMinutes(minutes)));

    [Theory]
    [InlineData("2x")]
    [InlineData("0m")]
    [InlineData("4m")]
    [InlineData("25h")]
    [InlineData("24h1m")]
    [InlineData("-1h")]
    [InlineData("1.5h")]
    [InlineData("30m1h")]
    [InlineData("1h1h")]
    [InlineData("1時間半30分")]
    [InlineData("h")]
    [InlineData("9999999999999999999999h")]
    [InlineData("٣٠")]
    public async Task An_event_length_outside_the_forms_or_the_bounds_is_refused_naming_the_forms(string text)
    {
        var (options, errors) = await new OptionBinder(Substitute.For<IStore>())
            .BindAsync(CreateEvent, new Dictionary<string, string> { ["duration"] = text }, new CommunityId("shell:t"), CancellationToken.None);

        Assert.Null(options);
        var error = Assert.Single(errors);
        Assert.Equal("`duration` must be a length from 5m to 24h, written like one of: 90, 90m, 2h, 1h30m, 90分, 2時間, 1時間30分.", error.Render(Language.En));
        Assert.Equal("`duration` は5m〜24hの長さを、次のいずれかの形で指定してください: 90, 90m, 2h, 1h30m, 90分, 2時間, 1時間30分。", error.Render(Language.Ja));
    }
}

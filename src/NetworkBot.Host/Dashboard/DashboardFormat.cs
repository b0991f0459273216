using System.Globalization;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Pairing;
using NetworkBot.Core.Privacy;

namespace NetworkBot.Host.Dashboard;

/// <summary>
/// How the pages write numbers and dates: for people (percentages, ISO dates the same in both languages) and for
/// machines (<see cref="Value"/>, the <c>data-value</c> attribute the browser tests compare with the store's figures).
/// </summary>
internal static class DashboardFormat
{
    /// <summary>
    /// The colours of chart series and the network's industries, each at least 4.5:1 against white (MudBlazor's own palette
    /// starts with a mint and a yellow that fall below the 3:1 graphics need); the numbers are in tables too, so colour is
    /// never the only cue.
    /// </summary>
    public static readonly string[] Palette = ["#0b5cad", "#a34f00", "#1a7f37", "#8250df", "#cf222e", "#0a6c75", "#6e5600", "#57606a"];

    /// <summary>Invariant, with a point and at most four decimals; rates stay fractions (0–1), so 0.5 is a 50% meet rate.</summary>
    public static string Value(double value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date short enough for a chart's axis, where a dozen full dates overlap: 12-01 in English, 12/1 in Japanese.</summary>
    public static string ShortDate(DateTimeOffset at, Language language) =>
        at.UtcDateTime.ToString(language == Language.Ja ? "M/d" : "MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset? at, Language language) => at is { } value ? Date(value) : DashboardPageTexts.Never.Get(language);

    public static string Mode(PairingMode mode, Language language) => (mode switch
    {
        PairingMode.CrossIndustry => DashboardPageTexts.ModeCrossIndustry,
        PairingMode.SharedInterest => DashboardPageTexts.ModeSharedInterest,
        _ => DashboardPageTexts.ModeRandom,
    }).Get(language);

    /// <summary>
    /// A member's id as a page carries it in its markup (<c>data-member</c>); none for the placeholder an erased member left
    /// in others' history, which the page shows only as "a former member".
    /// </summary>
    public static string? MemberRef(MemberId member) => ErasedMember.Is(member) ? null : member.Value;

    public static string YesNo(bool value, Language language) => (value ? DashboardPageTexts.Yes : DashboardPageTexts.No).Get(language);
}

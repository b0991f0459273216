using NodaTime;

namespace NetworkBot.Core.Pairing;

/// <summary>
/// Working hours (09:00–18:00 local) overlap between two members, from their IANA time zones at the round's
/// reference time. Zones come from NodaTime's embedded tz database rather than the host's, so a logged seed
/// reproduces a round on any machine.
/// </summary>
internal static class WorkingHours
{
    public const int Unknown = int.MinValue;
    private const int MinutesPerDay = 24 * 60;

    /// <summary>The zone's UTC offset in minutes at <paramref name="at"/>, or <see cref="Unknown"/> for a missing or unknown zone.</summary>
    public static int OffsetMinutes(string? timeZone, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(timeZone) || DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone.Trim()) is not { } zone)
        {
            return Unknown;
        }

        return zone.GetUtcOffset(Instant.FromDateTimeOffset(at)).Seconds / 60;
    }

    /// <summary>Minutes both working days share; two 9-hour days on a 24-hour circle overlap by 9 hours less the offset gap.</summary>
    public static int OverlapMinutes(int firstOffset, int secondOffset)
    {
        var gap = Math.Abs(firstOffset - secondOffset) % MinutesPerDay;
        gap = Math.Min(gap, MinutesPerDay - gap);
        return Math.Max(0, PairWeights.WorkingDayMinutes - gap);
    }
}

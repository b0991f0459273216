using NetworkBot.Core.Domain;
using NetworkBot.Core.Texts;
using NodaTime;

namespace NetworkBot.Core.Commands;

/// <summary>Everything a handler needs about one valid call: who, where, in which language, with which options, when.</summary>
public sealed record CommandContext(
    CommandRequest Request,
    Community Community,
    Member Caller,
    bool CallerIsManager,
    Language Language,
    CommandOptions Options,
    DateTimeOffset Now)
{
    /// <summary>The caller's time zone: their own, else the community's.</summary>
    public DateTimeZone Zone =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(Caller.Profile.TimeZone ?? Community.Settings.TimeZone) ?? DateTimeZone.Utc;

    /// <summary>Today's date where the caller is.</summary>
    public DateOnly Today => Instant.FromDateTimeOffset(Now).InZone(Zone).Date.ToDateOnly();

    public string Text(LocalizedText text, params object?[] args) => text.Format(Language, args);
}

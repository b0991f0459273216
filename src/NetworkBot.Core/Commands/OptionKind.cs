namespace NetworkBot.Core.Commands;

/// <summary>The type of a command option; validation and each platform's rendering follow from it.</summary>
public enum OptionKind
{
    /// <summary>Free text up to <see cref="OptionSpec.MaxLength"/> characters.</summary>
    Text,

    /// <summary>A comma-separated list of short items (offers, seeks, interests).</summary>
    List,

    /// <summary>One of <see cref="OptionSpec.Choices"/>.</summary>
    Choice,

    /// <summary>A whole number between <see cref="OptionSpec.Min"/> and <see cref="OptionSpec.Max"/>.</summary>
    Integer,

    /// <summary>
    /// A length of time in any form <see cref="DurationText"/> reads (<c>90</c>, <c>2h</c>, <c>1h30m</c>, <c>1時間30分</c>),
    /// between <see cref="OptionSpec.Min"/> and <see cref="OptionSpec.Max"/> minutes.
    /// </summary>
    Duration,

    /// <summary>A member of the same community (id, mention or display name).</summary>
    Member,

    /// <summary>A calendar date, <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary>A time of day, <c>HH:mm</c>.</summary>
    Time,

    /// <summary>An IANA time zone such as <c>Asia/Tokyo</c>.</summary>
    TimeZone,

    /// <summary><c>en</c> or <c>ja</c>.</summary>
    Language,

    /// <summary>A channel reference of the platform.</summary>
    Channel,

    /// <summary>A role reference of the platform.</summary>
    Role,
}

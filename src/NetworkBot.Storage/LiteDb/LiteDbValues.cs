using LiteDB;
using NetworkBot.Core.Domain;
using NetworkBot.Storage.Relational;

namespace NetworkBot.Storage.LiteDb;

/// <summary>
/// How the LiteDB store writes values into documents and reads them back, the same way the SQL providers store them:
/// text through <see cref="StorableText"/>, instants, dates and times as <see cref="TextValues"/> text (exact to 100 ns,
/// in UTC, ordered as text), JSON columns as JSON text, languages as their codes. One place, so every feature's documents
/// read alike and an export of one provider imports into another unchanged.
/// </summary>
internal static class LiteDbValues
{
    public static BsonValue Text(string? value) => value is null ? BsonValue.Null : new BsonValue(StorableText.Plain(value));

    /// <summary>A JSON column's text (<see cref="Serialization.StoredJson"/>), with the escapes <see cref="StorableText.Json"/> replaces.</summary>
    public static BsonValue Json(string json) => new(StorableText.Json(json));

    public static BsonValue Instant(DateTimeOffset value) => new(TextValues.Instant(value));

    public static BsonValue Instant(DateTimeOffset? value) => value is { } v ? Instant(v) : BsonValue.Null;

    public static BsonValue Date(DateOnly? value) => value is { } v ? new BsonValue(TextValues.Date(v)) : BsonValue.Null;

    public static BsonValue Time(TimeOnly value) => new(TextValues.Time(value));

    public static BsonValue Language(Language? value) => value is { } v ? new BsonValue(v.ToCode()) : BsonValue.Null;

    public static string? GetText(this BsonDocument document, string field) => document[field] is { IsNull: false } v ? v.AsString : null;

    public static string GetRequiredText(this BsonDocument document, string field) => document[field].AsString;

    public static DateTimeOffset GetInstant(this BsonDocument document, string field) => TextValues.ParseInstant(document[field].AsString);

    public static DateTimeOffset? GetNullableInstant(this BsonDocument document, string field) =>
        document[field] is { IsNull: false } v ? TextValues.ParseInstant(v.AsString) : null;

    public static DateOnly? GetNullableDate(this BsonDocument document, string field) =>
        document[field] is { IsNull: false } v ? TextValues.ParseDate(v.AsString) : null;

    public static TimeOnly GetTime(this BsonDocument document, string field) => TextValues.ParseTime(document[field].AsString);

    public static Language? GetLanguage(this BsonDocument document, string field) =>
        LanguageCodes.TryParse(document.GetText(field), out var language) ? language : null;

    public static TEnum GetEnum<TEnum>(this BsonDocument document, string field)
        where TEnum : struct, Enum =>
        Enum.Parse<TEnum>(document[field].AsString);
}

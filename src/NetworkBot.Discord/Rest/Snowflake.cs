using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetworkBot.Discord.Rest;

/// <summary>A Discord id. Discord sends snowflakes as JSON strings because they exceed 2^53.</summary>
[JsonConverter(typeof(SnowflakeJsonConverter))]
public readonly record struct Snowflake(ulong Value)
{
    public static Snowflake Parse(string text) => new(ulong.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture));

    /// <summary>False for null and for text that is not a plain decimal id.</summary>
    public static bool TryParse(string? text, out Snowflake id)
    {
        var parsed = ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value);
        id = new Snowflake(value);
        return parsed;
    }

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Reads a snowflake from a JSON string (or number) and always writes a string.</summary>
internal sealed class SnowflakeJsonConverter : JsonConverter<Snowflake>
{
    public override Snowflake Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number
            ? new Snowflake(reader.GetUInt64())
            : Snowflake.Parse(reader.GetString() ?? throw new JsonException("A snowflake cannot be null."));

    public override void Write(Utf8JsonWriter writer, Snowflake value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

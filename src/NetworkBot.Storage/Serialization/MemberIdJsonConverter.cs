using System.Text.Json;
using System.Text.Json.Serialization;
using NetworkBot.Core.Domain;

namespace NetworkBot.Storage.Serialization;

/// <summary>Writes a <see cref="MemberId"/> as its plain string, so stored lists read <c>["u1","u2"]</c>.</summary>
internal sealed class MemberIdJsonConverter : JsonConverter<MemberId>
{
    public override MemberId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("A member id must be a string."));

    public override void Write(Utf8JsonWriter writer, MemberId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}

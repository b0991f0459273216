using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace NetworkBot.Discord.Gateway;

/// <summary>
/// The gateway envelope <c>{"op","d","s","t"}</c>. <see cref="D"/> stays a <see cref="JsonElement"/> so the reader
/// parses a frame once and each handler reads only the event it understands; <see cref="S"/> and <see cref="T"/>
/// are set only for dispatches.
/// </summary>
public sealed record GatewayPayload([property: JsonRequired] GatewayOpcode Op, JsonElement D, long? S = null, string? T = null)
{
    /// <summary>Parses one complete gateway frame; false for anything that is not a JSON object with an <c>op</c>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out GatewayPayload? payload)
    {
        payload = null;
        try
        {
            var parsed = JsonSerializer.Deserialize(utf8Json, GatewayJsonContext.Default.GatewayPayload);
            if (parsed is null)
            {
                return false;
            }

            // Heartbeat ACK has no "d"; a missing one reads as JSON null so callers never meet an undefined element.
            payload = parsed.D.ValueKind == JsonValueKind.Undefined ? parsed with { D = Null } : parsed;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Reads <see cref="D"/> as <typeparamref name="T"/>; null when it is absent, null or of another shape.</summary>
    public T? DataAs<T>(JsonTypeInfo<T> typeInfo)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (D.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            return D.Deserialize(typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The frame to send, as UTF-8 JSON.</summary>
    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, GatewayJsonContext.Default.GatewayPayload);

    /// <summary><c>{"op":1,"d":seq}</c>; <paramref name="lastSequence"/> is null before the first dispatch.</summary>
    public static GatewayPayload Heartbeat(long? lastSequence) =>
        new(GatewayOpcode.Heartbeat, lastSequence is { } seq ? JsonSerializer.SerializeToElement(seq, GatewayJsonContext.Default.Int64) : Null);

    public static GatewayPayload Identify(IdentifyData data) =>
        new(GatewayOpcode.Identify, JsonSerializer.SerializeToElement(data, GatewayJsonContext.Default.IdentifyData));

    public static GatewayPayload Resume(ResumeData data) =>
        new(GatewayOpcode.Resume, JsonSerializer.SerializeToElement(data, GatewayJsonContext.Default.ResumeData));

    private static JsonElement Null { get; } = JsonDocument.Parse("null").RootElement.Clone();
}

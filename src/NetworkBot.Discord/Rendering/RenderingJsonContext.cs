using System.Text.Json.Serialization;

namespace NetworkBot.Discord.Rendering;

/// <summary>Source-generated JSON of what the bot sends: interaction responses and message bodies.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(InteractionCallbackData))]
public sealed partial class RenderingJsonContext : JsonSerializerContext;

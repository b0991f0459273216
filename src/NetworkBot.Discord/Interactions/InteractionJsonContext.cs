using System.Text.Json.Serialization;

namespace NetworkBot.Discord.Interactions;

/// <summary>Source-generated reading of interactions; unknown fields are ignored, snowflakes stay strings.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Interaction))]
public sealed partial class InteractionJsonContext : JsonSerializerContext;

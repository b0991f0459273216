using System.Text.Json.Serialization;

namespace NetworkBot.Discord.Commands;

/// <summary>Source-generated JSON of application commands; compact and in declaration order, so it is canonical.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
[JsonSerializable(typeof(ApplicationCommand))]
public sealed partial class CommandJsonContext : JsonSerializerContext;

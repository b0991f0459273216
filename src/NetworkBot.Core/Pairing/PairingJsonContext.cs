using System.Text.Json.Serialization;

namespace NetworkBot.Core.Pairing;

/// <summary>Source-generated serialization for the <c>networkbot pair</c> contract: no reflection, trim-safe.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PairingRequestDocument))]
[JsonSerializable(typeof(PairingResultDocument))]
internal sealed partial class PairingJsonContext : JsonSerializerContext;

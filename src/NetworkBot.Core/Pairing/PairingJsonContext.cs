using System.Text.Json.Serialization;

namespace NetworkBot.Core.Pairing;

/// <summary>
/// Source-generated serialization of the <c>networkbot pair</c> result: no reflection, trim-safe. The request is
/// read by <see cref="PairingRequestReader"/>.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PairingResultDocument))]
internal sealed partial class PairingJsonContext : JsonSerializerContext;

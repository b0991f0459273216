using System.Text.Json.Serialization;

namespace NetworkBot.Core.Outbox;

/// <summary>Source-generated JSON for <see cref="DeliveryProgress"/>: camelCase, nulls left out, statuses as names.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(DeliveryProgress))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;

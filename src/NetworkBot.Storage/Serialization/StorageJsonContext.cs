using System.Text.Json;
using System.Text.Json.Serialization;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;

namespace NetworkBot.Storage.Serialization;

/// <summary>
/// The JSON kept in text columns: outbox replies and targets, and the list columns. Enums are written by
/// name so reordering an enum never changes stored meaning.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(MemberIdJsonConverter)])]
[JsonSerializable(typeof(StoredReply))]
[JsonSerializable(typeof(MessageTarget))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<MemberId>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;

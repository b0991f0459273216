using System.Text.Json;
using System.Text.Json.Serialization;
using NetworkBot.Discord.Rest.Payloads;

namespace NetworkBot.Discord.Rest;

/// <summary>Source-generated JSON for the REST client: snake_case names, nulls left out (PATCH sends only what is set).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DiscordGatewayBot))]
[JsonSerializable(typeof(DiscordApplication))]
[JsonSerializable(typeof(DiscordCurrentUser))]
[JsonSerializable(typeof(List<DiscordApplicationCommand>))]
[JsonSerializable(typeof(DiscordChannel))]
[JsonSerializable(typeof(DiscordMessage))]
[JsonSerializable(typeof(List<DiscordMessage>))]
[JsonSerializable(typeof(DiscordThreadList))]
[JsonSerializable(typeof(DiscordRole))]
[JsonSerializable(typeof(DiscordScheduledEvent))]
[JsonSerializable(typeof(List<DiscordRole>))]
[JsonSerializable(typeof(List<DiscordChannel>))]
[JsonSerializable(typeof(List<DiscordScheduledEvent>))]
[JsonSerializable(typeof(DiscordChannelCreate))]
[JsonSerializable(typeof(DiscordRoleCreate))]
[JsonSerializable(typeof(DiscordScheduledEventCreate))]
[JsonSerializable(typeof(DiscordScheduledEventModify))]
[JsonSerializable(typeof(DiscordModalPayload))]
[JsonSerializable(typeof(MessageBody))]
[JsonSerializable(typeof(CreateDmBody))]
[JsonSerializable(typeof(StartThreadBody))]
[JsonSerializable(typeof(InteractionCallbackBody))]
[JsonSerializable(typeof(RateLimitedBody))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class DiscordRestJsonContext : JsonSerializerContext;

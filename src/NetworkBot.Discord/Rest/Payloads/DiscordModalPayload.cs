using System.Text.Json;

namespace NetworkBot.Discord.Rest.Payloads;

/// <summary>The data of a MODAL (type 9) interaction response; <see cref="Components"/> is the rendered JSON array.</summary>
public sealed record DiscordModalPayload(string CustomId, string Title, JsonElement Components);

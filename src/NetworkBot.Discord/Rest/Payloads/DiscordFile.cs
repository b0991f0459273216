namespace NetworkBot.Discord.Rest.Payloads;

/// <summary>A file to upload with a message (an event's <c>.ics</c>), sent as <c>files[0]</c> of a multipart body.</summary>
public sealed record DiscordFile(string Name, string ContentType, byte[] Content);

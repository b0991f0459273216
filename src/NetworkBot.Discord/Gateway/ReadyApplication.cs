namespace NetworkBot.Discord.Gateway;

/// <summary>The partial application in <c>READY</c>; its id is the one commands are registered under.</summary>
public sealed record ReadyApplication(string Id, long? Flags = null);

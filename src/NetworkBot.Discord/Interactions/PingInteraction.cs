namespace NetworkBot.Discord.Interactions;

/// <summary>An HTTP-endpoint PING; answer with PONG (callback type 1).</summary>
public sealed record PingInteraction(Interaction Source) : MappedInteraction;

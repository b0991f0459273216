namespace NetworkBot.Discord.Interactions;

/// <summary>
/// An interaction the bot cannot act on: malformed JSON, a type it does not handle, someone else's custom id.
/// <see cref="Reason"/> is for the log (it holds no token or user text); <see cref="Source"/> is null when it did not even parse.
/// </summary>
public sealed record NotUnderstoodInteraction(string Reason, Interaction? Source = null) : MappedInteraction;

namespace NetworkBot.Discord.Interactions;

/// <summary>
/// What <see cref="InteractionMapper"/> made of an interaction: a <see cref="CommandInteraction"/>, an
/// <see cref="AutocompleteInteraction"/>, a <see cref="PingInteraction"/> or a <see cref="NotUnderstoodInteraction"/>.
/// </summary>
public abstract record MappedInteraction;

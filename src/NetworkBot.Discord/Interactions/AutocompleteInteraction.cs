using NetworkBot.Core.Commands;

namespace NetworkBot.Discord.Interactions;

/// <summary>
/// The user is typing option <see cref="FocusedOption"/> of <see cref="CommandRequest.Path"/>; <see cref="PartialValue"/>
/// is what they typed so far. <see cref="Request"/> holds every option given so far (partial values included).
/// Answer within 3 s with callback type 8 and at most 25 choices.
/// </summary>
public sealed record AutocompleteInteraction(Interaction Source, CommandRequest Request, string FocusedOption, string PartialValue) : MappedInteraction;

using NetworkBot.Core.Commands;

namespace NetworkBot.Discord.Interactions;

/// <summary>A slash command, a click on one of our buttons or selects, or a submitted modal, ready for Core.</summary>
public sealed record CommandInteraction(Interaction Source, CommandRequest Request) : MappedInteraction;

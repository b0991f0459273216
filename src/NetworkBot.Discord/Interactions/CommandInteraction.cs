using NetworkBot.Core.Commands;
using NetworkBot.Discord.Rest;

namespace NetworkBot.Discord.Interactions;

/// <summary>A slash command, a click on one of our buttons or selects, or a submitted modal, ready for Core.</summary>
public sealed record CommandInteraction(Interaction Source, CommandRequest Request) : MappedInteraction
{
    /// <summary>
    /// The server a component pressed outside it (in a DM) acts in; the answer's own components name it again, so
    /// the next press from the same DM finds its way back too. Null inside a server.
    /// </summary>
    public Snowflake? DeliveredOutside { get; init; }
}

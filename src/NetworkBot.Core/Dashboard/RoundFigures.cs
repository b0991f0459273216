using NetworkBot.Core.Coffee;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Core.Dashboard;

/// <summary>
/// One round's funnel: opted in → matched → answered → met. The store keeps no history of enrolment, so
/// <see cref="Paused"/> counts the members opted in now who had joined by the round's start and were not grouped
/// (paused or skipping then), and <see cref="OptedIn"/> is <see cref="Matched"/> plus them.
/// </summary>
/// <param name="Answered">Grouped members who answered "did you meet?" at all.</param>
/// <param name="Met">Grouped members whose group's outcome is "met".</param>
/// <param name="Silent">Grouped members who never answered.</param>
public sealed record RoundFigures(
    RoundId Id,
    DateTimeOffset StartedAt,
    int GroupSize,
    PairingMode Mode,
    int Groups,
    int MetGroups,
    int OptedIn,
    int Matched,
    int Answered,
    int Met,
    int Silent,
    int Paused)
{
    /// <summary>Groups that said they met, of all groups (0–1).</summary>
    public double MeetRate => Groups == 0 ? 0 : MetGroups / (double)Groups;
}

namespace NetworkBot.Core.Pairing;

/// <summary>How a round turned out, for audits and for managers.</summary>
/// <param name="Members">Members placed.</param>
/// <param name="Groups">Groups made.</param>
/// <param name="LargerGroups">Groups that have one member more than the group size.</param>
/// <param name="RepeatPairs">Pairs within a group who shared a group in any history round.</param>
/// <param name="CooldownViolations">Pairs within a group who shared a group within the cooldown rounds.</param>
/// <param name="CrossIndustryShare">Share (0 to 1) of pairs within groups whose known industries differ.</param>
/// <param name="SharedInterestShare">Share (0 to 1) of pairs within groups who share at least one interest.</param>
public sealed record PairingStats(
    int Members,
    int Groups,
    int LargerGroups,
    int RepeatPairs,
    int CooldownViolations,
    double CrossIndustryShare,
    double SharedInterestShare)
{
    /// <summary>Pairs within groups where one member offers something the other seeks.</summary>
    public int OfferSeekMatches { get; init; }

    /// <summary>
    /// Pairs within groups of the same known industry although the request banned them: the ban was relaxed
    /// because no grouping kept it.
    /// </summary>
    public int SameIndustryBanRelaxations { get; init; }

    /// <summary>Mean hours of shared working time (09:00–18:00 local) over pairs whose time zones are both known; null when none are.</summary>
    public double? MeanWorkingHoursOverlap { get; init; }
}

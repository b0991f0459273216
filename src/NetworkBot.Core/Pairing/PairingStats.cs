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
    double SharedInterestShare);

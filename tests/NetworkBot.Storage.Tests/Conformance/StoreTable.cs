namespace NetworkBot.Storage.Tests.Conformance;

/// <summary>The logical tables a test counts or breaks, whatever a provider calls them.</summary>
public enum StoreTable
{
    Rounds,
    RoundGroups,
    GroupMembers,
    GroupAnswers,
    Connections,
    CoffeeSchedules,
    Outbox,
}

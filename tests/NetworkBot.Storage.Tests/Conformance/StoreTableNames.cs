namespace NetworkBot.Storage.Tests.Conformance;

/// <summary>The SQL providers share their schema's table names, so their test hooks name a <see cref="StoreTable"/> one way.</summary>
internal static class StoreTableNames
{
    public static string SqlName(this StoreTable table) => table switch
    {
        StoreTable.Rounds => "rounds",
        StoreTable.RoundGroups => "round_groups",
        StoreTable.GroupMembers => "group_members",
        StoreTable.GroupAnswers => "group_answers",
        StoreTable.Connections => "connections",
        StoreTable.CoffeeSchedules => "coffee_schedules",
        StoreTable.Outbox => "outbox",
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, null),
    };
}

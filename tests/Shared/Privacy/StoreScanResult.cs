namespace NetworkBot.Tests.Privacy;

/// <summary>
/// What <see cref="StoreScan"/> found: every table (or LiteDB collection) it read, found by itself in the store's catalogue,
/// and per table the rows that hold a needle, each written as its columns' values.
/// </summary>
public sealed record StoreScanResult(IReadOnlyList<string> Tables, IReadOnlyDictionary<string, IReadOnlyList<string>> Hits)
{
    /// <summary>Every row found, prefixed with its table, for an assertion's message.</summary>
    public IReadOnlyList<string> Rows => [.. Hits.SelectMany(t => t.Value.Select(row => $"{t.Key}: {row}"))];
}

namespace NetworkBot.Core.Storage;

/// <summary>
/// One kind of row in the export format, named in camelCase. Rows are ordered by their first <see cref="KeyFields"/>
/// fields (ordinal), so an export does not depend on the order a provider returns them in. A <see cref="Single"/>
/// table holds at most one row per community and is written as an object or null instead of an array.
/// </summary>
public sealed record ExportTable(string Name, int KeyFields, IReadOnlyList<ExportField> Fields, bool Single = false)
{
    /// <summary>The format version whose documents first carry this table: an older document lacks it and has none of its rows.</summary>
    public int Since { get; init; } = 1;
}

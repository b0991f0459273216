namespace NetworkBot.Core.Storage;

/// <summary>
/// One field of a row in the export format: its JSON name (camelCase) and how its value is written. A field added after
/// the format's first version names the version it came in (<see cref="Since"/>) and the value a row of an older document,
/// which lacks it, is read with (<see cref="Older"/>), so an older export still imports as it did.
/// </summary>
public sealed record ExportField(string Name, ExportFieldKind Kind)
{
    /// <summary>The format version whose rows first carry this field.</summary>
    public int Since { get; init; } = 1;

    /// <summary>The value of this field in a row of a document older than <see cref="Since"/>.</summary>
    public object? Older { get; init; }
}

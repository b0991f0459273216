namespace NetworkBot.Core.Storage;

/// <summary>One field of a row in the export format: its JSON name (camelCase) and how its value is written.</summary>
public sealed record ExportField(string Name, ExportFieldKind Kind);

using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Privacy;

/// <summary>What one table of the export format holds, and what each of its fields means, for the member reading their export.</summary>
public sealed record ExportTableDescription(LocalizedText About, IReadOnlyDictionary<string, LocalizedText> Fields);

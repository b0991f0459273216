using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Storage;

/// <summary>
/// Everything stored for one community, in the export format: for each <see cref="ExportFormat.Tables"/> name its rows,
/// each row the values of that table's fields in order — a <see cref="string"/>, <see cref="long"/>, <see cref="bool"/>
/// or null as the field's <see cref="ExportFieldKind"/> says (a <see cref="ExportFieldKind.Json"/> value is its JSON text).
/// </summary>
public sealed record CommunityExport(CommunityId Id, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<object?>>> Tables);

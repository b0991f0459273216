using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Privacy;

/// <summary>
/// Everything stored about one member: for each <see cref="Storage.ExportFormat.Tables"/> name the rows that concern them
/// (their own rows, and the rounds, groups and events those rows belong to), each row that table's field values in order
/// as in <see cref="Storage.CommunityExport"/>. <see cref="Names"/> gives the display name of every other member a row
/// names (people met, blocked, wished for, connected with) and nothing else about them.
/// </summary>
public sealed record MemberExport(
    CommunityId Community,
    MemberId Member,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<object?>>> Tables,
    IReadOnlyDictionary<MemberId, string> Names);

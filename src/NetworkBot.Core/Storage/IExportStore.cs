using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Storage;

/// <summary>
/// Reads and writes whole communities in the provider-neutral <see cref="ExportFormat"/>, which is how data moves
/// between providers (<c>networkbot export</c> / <c>import</c>). Each provider implements it over its own tables.
/// </summary>
public interface IExportStore
{
    /// <summary>Every community with any data stored, ordered by id (ordinal).</summary>
    Task<IReadOnlyList<CommunityId>> ListCommunityIdsAsync(CancellationToken ct);

    /// <summary>All of <paramref name="community"/>'s rows, read at one point in time; null when nothing of it is stored.</summary>
    Task<CommunityExport?> ExportCommunityAsync(CommunityId community, CancellationToken ct);

    /// <summary>
    /// Writes all of <paramref name="communities"/> in one transaction, or nothing: null when all were written, else why
    /// none was (a community that already has data here, rows the store cannot take).
    /// </summary>
    Task<ImportRefusal?> ImportCommunitiesAsync(IReadOnlyList<CommunityExport> communities, CancellationToken ct);
}

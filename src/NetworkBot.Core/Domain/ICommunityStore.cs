namespace NetworkBot.Core.Domain;

/// <summary>
/// The communities NetworkBot serves: their name and settings (<c>/admin setup</c>). Part of
/// <see cref="Storage.IStore"/>, which a storage provider implements.
/// </summary>
public interface ICommunityStore
{
    Task<Community?> GetCommunityAsync(CommunityId id, CancellationToken ct);

    /// <summary>Inserts or replaces the community's name and settings.</summary>
    Task SaveCommunityAsync(Community community, CancellationToken ct);
}

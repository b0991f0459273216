using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Connections;

/// <summary>Two members who confirmed they met. Stored with <see cref="A"/> ordinally before <see cref="B"/>.</summary>
public sealed record Connection(CommunityId Community, MemberId A, MemberId B, DateTimeOffset Since)
{
    public static Connection Between(CommunityId community, MemberId x, MemberId y, DateTimeOffset since) =>
        string.CompareOrdinal(x.Value, y.Value) <= 0
            ? new(community, x, y, since)
            : new(community, y, x, since);
}

using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Coffee;

/// <summary>A coffee round's id.</summary>
public readonly record struct RoundId(string Value)
{
    public static RoundId New() => new(Guid.CreateVersion7().ToString("N"));

    /// <summary>The fixed id of a scheduled occurrence, so running the same occurrence twice finds the first run.</summary>
    public static RoundId ForOccurrence(CommunityId community, DateTimeOffset occurrence) =>
        new($"{community.Value}@{occurrence.ToUnixTimeSeconds()}");

    public override string ToString() => Value;
}

namespace NetworkBot.Core.Domain;

/// <summary>A coffee round's id.</summary>
public readonly record struct RoundId(string Value)
{
    public static RoundId New() => new(Guid.CreateVersion7().ToString("N"));

    public override string ToString() => Value;
}

namespace NetworkBot.Core.Interests;

/// <summary>An interest group's id, unique within one community.</summary>
public readonly record struct InterestId(string Value)
{
    public static InterestId New() => new(Guid.CreateVersion7().ToString("N"));

    public override string ToString() => Value;
}

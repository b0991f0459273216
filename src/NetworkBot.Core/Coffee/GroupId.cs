namespace NetworkBot.Core.Coffee;

/// <summary>A group of one coffee round.</summary>
public readonly record struct GroupId(string Value)
{
    public static GroupId New() => new(Guid.CreateVersion7().ToString("N"));

    public override string ToString() => Value;
}

namespace NetworkBot.Core.Domain;

/// <summary>An event's id.</summary>
public readonly record struct EventId(string Value)
{
    public static EventId New() => new(Guid.CreateVersion7().ToString("N"));

    public override string ToString() => Value;
}

namespace NetworkBot.Core.Domain;

/// <summary>A member's platform user id, unique within one community.</summary>
public readonly record struct MemberId(string Value)
{
    public override string ToString() => Value;
}

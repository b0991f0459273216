namespace NetworkBot.Core.Interests;

/// <summary>
/// How a change to an interest's space went, in platform-neutral terms, with the space's references
/// (<see cref="RoleRef"/> and <see cref="ChannelRef"/>, each null where the platform has no such part or it was not made).
/// </summary>
public sealed record InterestSpaceResult(InterestSpaceOutcome Outcome, string? RoleRef = null, string? ChannelRef = null)
{
    public static InterestSpaceResult Done(string? roleRef = null, string? channelRef = null) => new(InterestSpaceOutcome.Done, roleRef, channelRef);

    public static InterestSpaceResult NoSpace { get; } = new(InterestSpaceOutcome.NoSpace);

    /// <summary>True when there is nothing to tell anyone: done, or the group has no space to change.</summary>
    public bool Succeeded => Outcome is InterestSpaceOutcome.Done or InterestSpaceOutcome.NoSpace;
}

namespace NetworkBot.Core.Events;

/// <summary>How publishing or cancelling an event's counterpart went, with the counterpart's reference (null when none was made).</summary>
public sealed record PlatformEventResult(PlatformEventOutcome Outcome, string? Ref = null)
{
    public static PlatformEventResult Done(string? reference) => new(PlatformEventOutcome.Done, reference);

    public bool Succeeded => Outcome == PlatformEventOutcome.Done;
}

namespace NetworkBot.Core.Pairing;

/// <summary>Either the groups of a round or the reason there are none; expected failures are values, not exceptions.</summary>
public abstract record PairingOutcome
{
    private PairingOutcome()
    {
    }

    /// <summary>The round was paired.</summary>
    public sealed record Success(PairingResult Result) : PairingOutcome;

    /// <summary>The round could not be paired; <see cref="Message"/> is one sentence fit to show a manager.</summary>
    public sealed record Failure(PairingFailureKind Kind, string Message) : PairingOutcome;
}

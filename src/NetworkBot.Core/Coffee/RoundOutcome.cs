using NetworkBot.Core.Pairing;
using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Coffee;

/// <summary>What running a round did: started with these groups, or could not group the members.</summary>
public abstract record RoundOutcome
{
    private RoundOutcome()
    {
    }

    public sealed record Started(RoundRecord Round, PairingStats Stats, TimeSpan Elapsed) : RoundOutcome;

    /// <summary>The engine's reason, in words a manager can act on.</summary>
    public sealed record NotPossible(PairingFailureKind Kind, LocalizedMessage Reason) : RoundOutcome;

    public static NotPossible From(PairingOutcome.Failure failure, int members, int groupSize)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var reason = failure.Kind switch
        {
            PairingFailureKind.TooFewMembers => new LocalizedMessage(CoffeeTexts.PairingTooFew, members, groupSize),
            PairingFailureKind.UnsplittableCount => new LocalizedMessage(CoffeeTexts.PairingUnsplittable, members, groupSize),
            _ => new LocalizedMessage(CoffeeTexts.PairingBlocked, failure.Message),
        };
        return new NotPossible(failure.Kind, reason);
    }
}

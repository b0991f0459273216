using NetworkBot.Core.Domain;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Core.Coffee;

/// <summary>What running a round did: started with these groups, or could not group the members.</summary>
public abstract record RoundOutcome
{
    private RoundOutcome()
    {
    }

    public sealed record Started(RoundRecord Round, PairingStats Stats, TimeSpan Elapsed) : RoundOutcome;

    public sealed record NotPossible(PairingFailureKind Kind, string Message) : RoundOutcome;
}

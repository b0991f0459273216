namespace NetworkBot.Host.Tests.Crash;

/// <summary>
/// Two instances deliver a round of 200 pairs and the reminders; once the bots have made between a quarter and three
/// quarters of the fan-out's REST calls, the one delivering is SIGKILLed and not restarted. The claim lease is cut to
/// <see cref="Lease"/>, so its claims end within the test.
/// </summary>
public sealed class KilledInstanceRunFixture() : TwoInstanceRunFixture(CrashSignal.Kill, stops: 1, groups: 200, Lease, (0.25, 0.75))
{
    /// <summary>
    /// Why <see cref="TwoInstanceKillTests"/> are skipped: the lease cannot be shortened yet. Remove the Skip once
    /// <c>Worker:ClaimLease</c> is bound; the tests pass with it (measured with a local patch, see RELIABILITY.md).
    /// </summary>
    public const string WaitingForClaimLease =
        "Waits for a configurable outbox claim lease (Worker:ClaimLease): OutboxDispatcher.ClaimLease is a fixed 10 minutes, " +
        "so a SIGKILLed instance's claims hold its community for 10 minutes and the survivor cannot finish within a test.";

    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(5);
}

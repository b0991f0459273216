namespace NetworkBot.Host.Tests.Crash;

/// <summary>
/// Two instances deliver a round of 200 pairs and the reminders; once the bots have made between a quarter and three
/// quarters of the fan-out's REST calls, the one delivering is SIGKILLed and not restarted. The claim lease is cut to
/// <see cref="Lease"/> (<c>Worker:ClaimLease</c>; the delivery grace to half of it, as the lease must be longer), so its
/// claims end within the test.
/// </summary>
public sealed class KilledInstanceRunFixture() : TwoInstanceRunFixture(CrashSignal.Kill, stops: 1, groups: 200, Lease, (0.25, 0.75))
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(5);
}

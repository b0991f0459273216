namespace NetworkBot.Host.Tests.Crash;

/// <summary>
/// Two instances deliver the round; once the bots have made between a quarter and three quarters of the fan-out's REST
/// calls, the one delivering is SIGKILLed and not restarted. The claim lease is cut to <see cref="Lease"/>, so its claims
/// end within the test.
/// </summary>
public sealed class KilledInstanceRunFixture() : TwoInstanceRunFixture(CrashSignal.Kill, stops: 1, Lease, (0.25, 0.75))
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(5);
}

namespace NetworkBot.Tests;

/// <summary>A clock tests move by hand (Microsoft.Extensions.TimeProvider.Testing is not served here).</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;

    public void Set(DateTimeOffset to) => now = to;
}

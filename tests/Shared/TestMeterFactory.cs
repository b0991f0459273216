using System.Diagnostics.Metrics;

namespace NetworkBot.Tests;

/// <summary>
/// The <see cref="IMeterFactory"/> the host would give, for a test that builds a part by hand. Its meters carry it as
/// their scope, so a <c>MetricCollector</c> made for this factory hears only this test's measurements.
/// </summary>
public sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> meters = [];

    public Meter Create(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Scope = this;
        var meter = new Meter(options);
        lock (meters)
        {
            meters.Add(meter);
        }

        return meter;
    }

    public void Dispose()
    {
        lock (meters)
        {
            meters.ForEach(m => m.Dispose());
            meters.Clear();
        }
    }
}

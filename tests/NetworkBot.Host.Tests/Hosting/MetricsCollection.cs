namespace NetworkBot.Host.Tests.Hosting;

/// <summary>
/// Tests that read <c>/metrics</c> run alone: the OpenTelemetry provider of a run listens to every meter of its name in
/// the process, so another run answering commands in a test beside it would add to the counts being asserted.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics";
}

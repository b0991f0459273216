namespace NetworkBot.Host.Hosting;

/// <summary>Where metrics are pushed besides <c>/metrics</c> (<c>Telemetry:OtlpEndpoint</c>).</summary>
internal sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// An OTLP collector (gRPC, such as <c>http://127.0.0.1:4317</c>); unset, the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is used, and with neither nothing is pushed.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    public bool HasValidOtlpEndpoint => Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out _);
}

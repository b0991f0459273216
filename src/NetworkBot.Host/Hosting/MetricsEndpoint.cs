using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Telemetry;
using NetworkBot.Transport;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace NetworkBot.Host.Hosting;

/// <summary>
/// The bot's metrics (the meters <see cref="BotMetrics.MeterName"/> and <see cref="TransportMetrics.MeterName"/>)
/// through the OpenTelemetry SDK: scraped in Prometheus text format at <c>GET /metrics</c> on run's listener, and
/// pushed over OTLP when <c>Telemetry:OtlpEndpoint</c> (or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) is set.
/// </summary>
internal static class MetricsEndpoint
{
    public const string Route = "/metrics";

    /// <summary>The standard variable the OTLP exporter reads by itself.</summary>
    private const string StandardOtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IHostApplicationBuilder AddNetworkBotMetrics(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TelemetryOptions>()
            .BindConfiguration(TelemetryOptions.Section)
            .Validate(
                o => string.IsNullOrWhiteSpace(o.OtlpEndpoint) || o.HasValidOtlpEndpoint,
                "Telemetry:OtlpEndpoint must be an absolute URL such as http://127.0.0.1:4317.")
            .ValidateOnStart();

        // The exporters are chosen while the services are being registered, so the setting is read here; a bad value
        // adds no exporter and the validation above stops the process with its line.
        var telemetry = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var standard = !string.IsNullOrWhiteSpace(builder.Configuration[StandardOtlpEndpoint]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("networkbot"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(BotMetrics.MeterName, TransportMetrics.MeterName).AddPrometheusExporter();
                if (telemetry.HasValidOtlpEndpoint)
                {
                    metrics.AddOtlpExporter(otlp => otlp.Endpoint = new Uri(telemetry.OtlpEndpoint!));
                }
                else if (standard && string.IsNullOrWhiteSpace(telemetry.OtlpEndpoint))
                {
                    metrics.AddOtlpExporter();
                }
            });
        return builder;
    }

    public static WebApplication MapMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // The provider listens once built; built here, before the workers start, it misses nothing counted at start
        // (the first deliveries, the first answers). The outbox gauges likewise exist once made.
        app.Services.GetRequiredService<MeterProvider>();
        app.Services.GetRequiredService<OutboxGauges>();
        app.MapPrometheusScrapingEndpoint(Route);
        return app;
    }
}

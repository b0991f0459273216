using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NetworkBot.Discord;
using NetworkBot.Slack;
using NetworkBot.Transport;

namespace NetworkBot.Host.Hosting;

/// <summary>
/// <c>GET /healthz</c>: the process serves (200, <c>{"status":"alive"}</c>). <c>GET /readyz</c>: 200 when every check
/// passes, 503 when one does not, with each check's status and detail as JSON: the store answers, the outbox's
/// oldest due message has waited no longer than <c>Health:MaxOutboxLag</c>, and each configured platform is connected.
/// </summary>
internal static class HealthEndpoints
{
    /// <summary>A check that takes longer fails: a probe must answer before the orchestrator's own timeout.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(2);

    public static IHostApplicationBuilder AddNetworkBotHealth(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<HealthOptions>()
            .BindConfiguration(HealthOptions.Section)
            .Validate(o => o.MaxOutboxLag > TimeSpan.Zero, "Health:MaxOutboxLag must be a positive time span such as 00:05:00.")
            .ValidateOnStart();
        builder.Services.AddHealthChecks()
            .Add(Check("store", sp => ActivatorUtilities.CreateInstance<StoreHealthCheck>(sp)))
            .Add(Check("outbox", sp => ActivatorUtilities.CreateInstance<OutboxLagHealthCheck>(sp)))
            .Add(Check(DiscordPlatform.PlatformName, sp => new PlatformHealthCheck(
                DiscordPlatform.PlatformName, sp.GetRequiredService<IOptions<DiscordOptions>>().Value.IsEnabled, sp.GetRequiredService<PlatformConnections>())))
            .Add(Check(SlackPlatform.PlatformName, sp => new PlatformHealthCheck(
                SlackPlatform.PlatformName, sp.GetRequiredService<IOptions<SlackOptions>>().Value.IsEnabled, sp.GetRequiredService<PlatformConnections>())));
        return builder;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("""{"status":"alive"}""", "application/json"));
        app.MapHealthChecks("/readyz", new HealthCheckOptions { ResponseWriter = WriteReportAsync });
        return app;
    }

    private static HealthCheckRegistration Check(string name, Func<IServiceProvider, IHealthCheck> create) =>
        new(name, create, failureStatus: HealthStatus.Unhealthy, tags: null, CheckTimeout);

    /// <summary><c>{"status":"unhealthy","checks":[{"name":"store","status":"healthy","detail":"answers","seconds":0.002}, …]}</c></summary>
    private static async Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using (var json = new Utf8JsonWriter(context.Response.BodyWriter))
        {
            json.WriteStartObject();
            json.WriteString("status", Lower(report.Status));
            json.WriteStartArray("checks");
            foreach (var (name, entry) in report.Entries)
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteString("status", Lower(entry.Status));
                json.WriteString("detail", entry.Description ?? entry.Exception?.Message);
                json.WriteNumber("seconds", Math.Round(entry.Duration.TotalSeconds, 3));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static string Lower(HealthStatus status) => status.ToString().ToLower(CultureInfo.InvariantCulture);
}

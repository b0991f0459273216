using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace NetworkBot.Host.Hosting;

internal static class WorkerServiceCollectionExtensions
{
    /// <summary>
    /// The worker's own hosted services, for <c>networkbot run</c> only: the schema migration (before any other hosted
    /// service starts, whatever the order of registration), the outbox delivery and the scheduler's clock loop, with
    /// their <c>Worker</c> options. The bots are hosted by <c>HostDiscordBot</c> and <c>HostSlackBot</c>, beside their
    /// <c>AddDiscord</c> and <c>AddSlack</c>. The host's shutdown timeout is raised, when shorter, to the delivery grace
    /// plus a margin, so a stop never cuts off deliveries the grace lets finish.
    /// </summary>
    public static IHostApplicationBuilder AddNetworkBotWorkers(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section).ValidateOnStart();
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<WorkerOptions>>((host, worker) =>
            host.ShutdownTimeout = TimeSpan.FromTicks(Math.Max(host.ShutdownTimeout.Ticks, (worker.Value.DeliveryGrace + WorkerOptions.ShutdownMargin).Ticks)));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MigrationService>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxWorker>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RoundSchedulerWorker>());
        return builder;
    }
}

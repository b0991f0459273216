using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace NetworkBot.Host.Hosting;

internal static class WorkerServiceCollectionExtensions
{
    private static readonly TimeSpan MinimumShutdown = TimeSpan.FromSeconds(15);

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

        // Set here rather than left to defaults: a worker that ends with a fatal condition (StoreUnavailableException) stops
        // the whole host, and stopping gives the workers and the bots at least 15 s, and always the deliveries' grace
        // and a margin, to finish what they are sending.
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<WorkerOptions>>((host, worker) =>
        {
            host.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
            host.ShutdownTimeout = TimeSpan.FromTicks(Math.Max(MinimumShutdown.Ticks, (worker.Value.DeliveryGrace + WorkerOptions.ShutdownMargin).Ticks));
        });
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MigrationService>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxWorker>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RoundSchedulerWorker>());
        return builder;
    }
}

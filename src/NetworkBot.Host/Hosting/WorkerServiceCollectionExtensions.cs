using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace NetworkBot.Host.Hosting;

internal static class WorkerServiceCollectionExtensions
{
    /// <summary>
    /// The worker's own hosted services, for <c>networkbot run</c> only: the schema migration (before any other hosted
    /// service starts, whatever the order of registration), the outbox delivery and the scheduler's clock loop, with
    /// their <c>Worker</c> options. The bots are hosted by <c>HostDiscordBot</c> and <c>HostSlackBot</c>, beside their
    /// <c>AddDiscord</c> and <c>AddSlack</c>.
    /// </summary>
    public static IHostApplicationBuilder AddNetworkBotWorkers(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section).ValidateOnStart();

        // Set here rather than left to defaults: a worker that ends with a fatal condition (StoreUnavailableException) stops
        // the whole host, and stopping gives the workers and the bots this long to finish what they are sending.
        builder.Services.Configure<HostOptions>(options =>
        {
            options.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
            options.ShutdownTimeout = TimeSpan.FromSeconds(15);
        });
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MigrationService>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxWorker>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RoundSchedulerWorker>());
        return builder;
    }
}

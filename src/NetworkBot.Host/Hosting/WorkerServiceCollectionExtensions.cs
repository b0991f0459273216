using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NetworkBot.Storage;
using NetworkBot.Storage.LiteDb;

namespace NetworkBot.Host.Hosting;

internal static class WorkerServiceCollectionExtensions
{
    private static readonly TimeSpan MinimumShutdown = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The worker's own hosted services, for <c>networkbot run</c> only: the schema migration (before any other hosted
    /// service starts, whatever the order of registration), the outbox delivery, the scheduler's clock loop, the daily backup and,
    /// on LiteDB, the scheduled checkpoints (<see cref="LiteDbCheckpointService"/>), with
    /// their <c>Worker</c> options. The bots are hosted by <c>HostDiscordBot</c> and <c>HostSlackBot</c>, beside their
    /// <c>AddDiscord</c> and <c>AddSlack</c>. The host's shutdown timeout is raised, when shorter, to the delivery grace
    /// plus a margin, so a stop never cuts off deliveries the grace lets finish.
    /// </summary>
    public static IHostApplicationBuilder AddNetworkBotWorkers(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<WorkerOptions>()
            .BindConfiguration(WorkerOptions.Section)
            .Validate(
                o => o.ClaimLease > o.DeliveryGrace,
                "Worker:ClaimLease must be longer than Worker:DeliveryGrace: a claimed message must stay this instance's while its delivery finishes.")
            .ValidateOnStart();

        // Set here rather than left to defaults: a worker that ends with a fatal condition (StoreUnavailableException) stops
        // the whole host, and stopping gives the workers and the bots at least 15 s, and always the deliveries' grace
        // and a margin, to finish what they are sending. Host options are made while the host is built, before the
        // configuration check reports bad Worker values, so the grace is read here as configured, unvalidated.
        builder.Services.AddOptions<HostOptions>().Configure<IConfiguration>((host, configuration) =>
        {
            var grace = TimeSpan.TryParse(configuration[$"{WorkerOptions.Section}:{nameof(WorkerOptions.DeliveryGrace)}"], CultureInfo.InvariantCulture, out var configured)
                ? configured
                : new WorkerOptions().DeliveryGrace;
            host.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
            host.ShutdownTimeout = TimeSpan.FromTicks(Math.Max(MinimumShutdown.Ticks, (grace + WorkerOptions.ShutdownMargin).Ticks));
        });
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MigrationService>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxWorker>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RoundSchedulerWorker>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DailyBackupService>());
        if (builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() is { IsLiteDb: true })
        {
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LiteDbCheckpointService>());
        }

        return builder;
    }
}

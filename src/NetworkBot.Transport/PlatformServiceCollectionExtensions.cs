using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace NetworkBot.Transport;

/// <summary>How each platform adapter registers what every adapter has: its options, its API client, its bot.</summary>
public static class PlatformServiceCollectionExtensions
{
    /// <summary>
    /// Binds <paramref name="section"/> into <typeparamref name="TOptions"/> and checks it on start, one line per
    /// problem: its API base URL must be absolute, and each of the platform's <paramref name="rules"/> must hold.
    /// </summary>
    /// <returns>The services, for the platform's other registrations.</returns>
    public static IServiceCollection AddPlatformOptions<TOptions>(
        this IHostApplicationBuilder builder, string section, IEnumerable<(Func<TOptions, bool> Holds, string Problem)> rules)
        where TOptions : class, IPlatformOptions, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(rules);
        var options = builder.Services.AddOptions<TOptions>()
            .BindConfiguration(section)
            .Validate(o => o.ApiBaseUrl.IsAbsoluteUri, $"{section}:ApiBaseUrl must be an absolute URL such as {new TOptions().ApiBaseUrl}.");
        foreach (var (holds, problem) in rules)
        {
            options = options.Validate(holds, problem);
        }

        options.ValidateOnStart();
        return builder.Services;
    }

    /// <summary>
    /// Registers <typeparamref name="TClient"/>, built with its own <see cref="ApiConnection"/> from what is registered
    /// by the key <c>typeof(TClient)</c>: one long-lived <see cref="HttpClient"/>
    /// (class libraries here do without <c>AddHttpClient</c>) whose pooled connections are recycled to follow DNS
    /// changes, and the <see cref="Random"/> of its retry jitter, which tests fix. The container owns and disposes the client.
    /// </summary>
    public static IServiceCollection AddPlatformHttpClient<TClient>(this IServiceCollection services)
        where TClient : class
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton(typeof(TClient), (_, _) => new HttpClient(
            new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        });
        services.TryAddKeyedSingleton<Random>(typeof(TClient), Random.Shared);
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<TClient>(sp, new ApiConnection(
            sp.GetRequiredKeyedService<HttpClient>(typeof(TClient)), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredKeyedService<Random>(typeof(TClient)))));
        return services;
    }

    /// <summary>
    /// Registers the platform's bot and the <see cref="Random"/> of its start-up waits (by the key <c>typeof(TBot)</c>);
    /// nothing connects until <see cref="HostPlatformBot{TBot}"/> makes the host run it.
    /// </summary>
    public static IServiceCollection AddPlatformBot<TBot>(this IServiceCollection services)
        where TBot : PlatformBot
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<Random>(typeof(TBot), Random.Shared);
        services.TryAddSingleton<TBot>();
        return services;
    }

    /// <summary>Runs the bot <see cref="AddPlatformBot{TBot}"/> registers while the host runs; for <c>networkbot run</c>.</summary>
    public static IHostApplicationBuilder HostPlatformBot<TBot>(this IHostApplicationBuilder builder)
        where TBot : PlatformBot
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddPlatformBot<TBot>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TBot>(sp => sp.GetRequiredService<TBot>()));
        return builder;
    }
}

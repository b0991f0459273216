using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Web;

namespace NetworkBot.Host.Hosting;

/// <summary>The <c>Web</c> options and the <see cref="WebLinks"/> built from them, for every verb (the shell gives links too).</summary>
internal static partial class WebServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddNetworkBotWeb(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<WebOptions>()
            .BindConfiguration(WebOptions.Section)
            .Validate(o => o.PublicBaseUrl is null || IsHttpUrl(o.PublicBaseUrl), "Web:PublicBaseUrl must be an absolute http or https URL such as https://bot.example.com.")
            .Validate(o => o.SessionLifetime > TimeSpan.Zero, "Web:SessionLifetime must be a positive time span such as 12:00:00.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(sp => new WebLinks(() => PublicBaseUrl(sp)));
        return builder;
    }

    /// <summary>
    /// <c>Web:PublicBaseUrl</c>; else the address the host listens on once it does (a port 0 becomes the real port),
    /// else the first <c>Urls</c> entry, else <see cref="WebOptions.DefaultUrl"/>. A wildcard host (<c>*</c>, <c>+</c>,
    /// <c>0.0.0.0</c>, <c>[::]</c>) is no address to give anyone, so it reads <c>localhost</c>.
    /// </summary>
    private static string PublicBaseUrl(IServiceProvider services)
    {
        if (services.GetRequiredService<IOptions<WebOptions>>().Value.PublicBaseUrl is { } configured)
        {
            return configured;
        }

        var listening = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        var url = listening
            ?? services.GetRequiredService<IConfiguration>()["Urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
            ?? WebOptions.DefaultUrl;
        return WildcardHost().Replace(url, "${scheme}localhost");
    }

    /// <summary>The scheme and a wildcard host of a listening URL: <c>http://*</c>, <c>http://+</c>, <c>http://0.0.0.0</c>, <c>http://[::]</c>.</summary>
    [GeneratedRegex(@"^(?<scheme>[a-z]+://)(\*|\+|0\.0\.0\.0|\[::\])(?=[:/]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WildcardHost();

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

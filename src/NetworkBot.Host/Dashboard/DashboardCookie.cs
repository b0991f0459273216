using Microsoft.AspNetCore.Http;

namespace NetworkBot.Host.Dashboard;

/// <summary>
/// The session cookie <c>networkbot-dashboard</c>: a random token (the store keeps its hash), unreadable by scripts
/// (HttpOnly), never sent by another site's page (SameSite=Strict), sent only to <c>/dashboard</c>, and only over
/// https when the dashboard is reached over https (the request's own scheme, or the public base URL's when a proxy
/// ends TLS in front of the bot).
/// </summary>
internal static class DashboardCookie
{
    public const string Name = "networkbot-dashboard";

    public static CookieOptions Options(bool https, DateTimeOffset expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = https,
        Path = DashboardHosting.BasePath,
        Expires = expires,
        IsEssential = true,
    };

    /// <summary>True when the browser reached the dashboard over https, directly or through a proxy at <paramref name="publicBaseUrl"/>.</summary>
    public static bool IsHttps(HttpRequest request, string? publicBaseUrl) =>
        request.IsHttps || (publicBaseUrl?.StartsWith(Uri.UriSchemeHttps + "://", StringComparison.OrdinalIgnoreCase) ?? false);
}

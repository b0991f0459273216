namespace NetworkBot.Core.Web;

/// <summary>
/// The links the bot gives people to its own web endpoints (the dashboard's sign-in, the calendar feed): a path on the
/// address people reach the bot at. The host knows that address (<c>Web:PublicBaseUrl</c>, else where it listens) and
/// may learn it only once it listens, so it is asked for each link; without one a link is the path alone.
/// </summary>
public sealed class WebLinks(Func<string?> publicBaseUrl)
{
    /// <summary>For a bot with no web address at all: links are paths.</summary>
    public static WebLinks PathsOnly { get; } = new(() => null);

    /// <summary><paramref name="pathAndQuery"/> (starting with <c>/</c>) on the public address; a base URL's own path is kept.</summary>
    public string To(string pathAndQuery) =>
        publicBaseUrl() is { Length: > 0 } baseUrl ? baseUrl.TrimEnd('/') + pathAndQuery : pathAndQuery;
}

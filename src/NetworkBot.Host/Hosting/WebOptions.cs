namespace NetworkBot.Host.Hosting;

/// <summary>
/// Section <c>Web</c>: how people reach the bot's web endpoints. <see cref="PublicBaseUrl"/> builds the links the bot
/// gives (dashboard sign-in, calendar feed), for a bot behind a proxy or a domain name; unset, links use the address
/// the host listens on, which is right on the machine itself.
/// </summary>
internal sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>Where <c>run</c> and <c>dashboard</c> listen when <c>Urls</c> is not set: this machine only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>An absolute http or https URL such as <c>https://bot.example.com</c>; a trailing slash is fine.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long a dashboard session lasts after signing in.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);
}

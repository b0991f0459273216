namespace NetworkBot.Discord.Rest;

/// <summary>
/// One REST call: the method, the route template (what rate-limit buckets and logs are keyed by, never
/// carrying ids or tokens), the concrete path, and the route's major parameters (channel, guild, webhook).
/// </summary>
public sealed record DiscordRoute
{
    private static readonly string[] MajorParameters = ["channel_id", "guild_id", "webhook_id", "webhook_token", "interaction_id", "interaction_token"];

    private DiscordRoute(HttpMethod method, string template, string path, string major)
    {
        Method = method;
        Template = template;
        Path = path;
        Major = major;
    }

    public HttpMethod Method { get; }

    /// <summary>For example <c>/channels/{channel_id}/messages</c>.</summary>
    public string Template { get; }

    /// <summary>The template with its parameters filled in and escaped, for example <c>/channels/42/messages</c>.</summary>
    public string Path { get; }

    /// <summary>The values of the major parameters; routes that share a bucket hash still limit separately per major value.</summary>
    public string Major { get; }

    /// <summary>Interaction callbacks and webhook follow-ups are not counted against the bot's global limit.</summary>
    public bool IsExemptFromGlobalLimit =>
        Template.StartsWith("/interactions/", StringComparison.Ordinal) || Template.StartsWith("/webhooks/", StringComparison.Ordinal);

    /// <summary>The key for a route before Discord has told us its bucket hash.</summary>
    internal string RouteKey => $"{Method.Method} {Template}";

    /// <summary>Fills <paramref name="template"/>'s <c>{name}</c> placeholders, in order, with <paramref name="values"/>.</summary>
    public static DiscordRoute Create(HttpMethod method, string template, params ReadOnlySpan<string> values)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrEmpty(template);
        var path = new System.Text.StringBuilder(template.Length + 32);
        var major = new List<string>();
        var next = 0;
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf('{', at);
            if (open < 0)
            {
                path.Append(template, at, template.Length - at);
                break;
            }

            var close = template.IndexOf('}', open);
            if (close < 0 || next >= values.Length)
            {
                throw new ArgumentException($"Route template '{template}' needs more values than the {values.Length} given.", nameof(values));
            }

            path.Append(template, at, open - at);
            var name = template[(open + 1)..close];
            var value = values[next++];
            path.Append(Uri.EscapeDataString(value));
            if (MajorParameters.Contains(name))
            {
                major.Add(value);
            }

            at = close + 1;
        }

        if (next != values.Length)
        {
            throw new ArgumentException($"Route template '{template}' takes {next} values, not {values.Length}.", nameof(values));
        }

        return new DiscordRoute(method, template, path.ToString(), string.Join('/', major));
    }
}

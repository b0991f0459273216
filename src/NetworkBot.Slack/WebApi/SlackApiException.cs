namespace NetworkBot.Slack.WebApi;

/// <summary>
/// Slack answered a Web API call with <c>ok:false</c> (or an HTTP error that outlived the retries). An expected
/// failure: callers catch it where they act and turn <see cref="Error"/> into a result.
/// </summary>
public sealed class SlackApiException : Exception
{
    public SlackApiException(string method, string error, IReadOnlyList<string>? details = null, TimeSpan? retryAfter = null)
        : base(SlackApiErrors.Describe(method, error, details ?? []))
    {
        Method = method;
        Error = error;
        Details = details ?? [];
        RetryAfter = retryAfter;
    }

    /// <summary>The Web API method, such as <c>chat.postMessage</c>.</summary>
    public string Method { get; }

    /// <summary>Slack's <c>error</c> code, such as <c>channel_not_found</c>.</summary>
    public string Error { get; }

    /// <summary><c>response_metadata.messages</c>, <c>needed</c> and <c>provided</c>, when Slack sent them.</summary>
    public IReadOnlyList<string> Details { get; }

    /// <summary>For <see cref="SlackApiErrors.RateLimited"/>: how long Slack asked to wait.</summary>
    public TimeSpan? RetryAfter { get; }

    public bool IsRateLimited => Error == SlackApiErrors.RateLimited;

    public bool IsTransient => SlackApiErrors.IsTransient(Error);

    /// <summary>The bot token is wrong or missing (<see cref="SlackApiErrors.IsAuthentication"/>).</summary>
    public bool IsAuthentication => SlackApiErrors.IsAuthentication(Error);
}

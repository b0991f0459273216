namespace NetworkBot.Transport;

/// <summary>
/// One platform API request as <see cref="RetryingSender"/> runs it: the platform's policy for it (its rate limit,
/// whether it may be repeated, how an answer is judged) and how its retries are logged.
/// </summary>
/// <typeparam name="T">What a successful answer is read into.</typeparam>
public interface IApiCall<T>
{
    /// <summary>
    /// Whether sending it again after it may have reached the platform (a 5xx, a connection lost mid-request) cannot
    /// act twice. A request that never left (a refused connection) is always repeated.
    /// </summary>
    bool Repeatable { get; }

    /// <summary>Waits until the platform's rate limits let this request go; throws when the wait is too long to take inline.</summary>
    ValueTask WaitForRateLimitAsync(CancellationToken ct);

    /// <summary>Sends the request once; a new <see cref="HttpRequestMessage"/> every time.</summary>
    Task<HttpResponseMessage> SendOnceAsync(CancellationToken ct);

    /// <summary>
    /// Reads an answer: done, or to be retried (at once after a 429 the rate limit now holds back, or after backoff);
    /// throws the platform's exception for a refusal.
    /// </summary>
    /// <param name="attempt">1 for the first try.</param>
    /// <param name="mayRetry">False on the last attempt: anything but done must throw then.</param>
    Task<ApiVerdict<T>> JudgeAsync(HttpResponseMessage response, int attempt, bool mayRetry, CancellationToken ct);

    void LogNetworkErrorRetrying(Exception error, int attempt, TimeSpan delay);

    void LogServerErrorRetrying(int status, int attempt, TimeSpan delay);
}

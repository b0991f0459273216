namespace NetworkBot.Transport;

/// <summary>
/// The retry loop both platforms' API clients run: every attempt first waits for its rate limits; network errors
/// and answers judged retryable are tried again, after <paramref name="backoff"/> unless the rate limiter already
/// holds the wait; all of it within <paramref name="maxAttempts"/> tries, counting the first. The backoff's jitter
/// draws from <paramref name="random"/>, which tests fix.
/// </summary>
public sealed class RetryingSender(TimeProvider time, Backoff backoff, int maxAttempts, Random random)
{
    /// <summary>Tries per platform API call, counting the first; bounds 429, 5xx and network-error retries together.</summary>
    public const int ApiAttempts = 5;

    /// <summary>Half a second doubling up to 8 s between API tries: callers retrying together after an outage spread out.</summary>
    public static readonly Backoff ApiRetries = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(8));

    /// <summary>The sender both platforms' API clients use: <see cref="ApiAttempts"/> tries, <see cref="ApiRetries"/> between them.</summary>
    public static RetryingSender ForApi(TimeProvider time, Random random) => new(time, ApiRetries, ApiAttempts, random);

    public async Task<T> SendAsync<T>(IApiCall<T> call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        for (var attempt = 1; ; attempt++)
        {
            await call.WaitForRateLimitAsync(ct).ConfigureAwait(false);
            HttpResponseMessage response;
            try
            {
                response = await call.SendOnceAsync(ct).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < maxAttempts && !ct.IsCancellationRequested && IsRetryable(e, call.Repeatable))
            {
                var delay = backoff.Delay(attempt, random);
                call.LogNetworkErrorRetrying(e, attempt, delay);
                await Task.Delay(delay, time, ct).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                var verdict = await call.JudgeAsync(response, attempt, attempt < maxAttempts, ct).ConfigureAwait(false);
                if (verdict.Kind != ApiVerdictKind.Done && attempt >= maxAttempts)
                {
                    throw new InvalidOperationException("An answer was judged retryable on the last attempt; the call must throw its refusal instead.");
                }

                switch (verdict.Kind)
                {
                    case ApiVerdictKind.Done:
                        return verdict.Value!;
                    case ApiVerdictKind.RetryAfterBackoff:
                        var delay = backoff.Delay(attempt, random);
                        call.LogServerErrorRetrying(verdict.Status, attempt, delay);
                        await Task.Delay(delay, time, ct).ConfigureAwait(false);
                        break;
                    default:
                        break; // The next WaitForRateLimitAsync waits out the pause just recorded.
                }
            }
        }
    }

    /// <summary>A failed connect never reached the platform and is always safe to repeat; a request lost later only if <paramref name="repeatable"/>.</summary>
    public static bool IsRetryable(Exception e, bool repeatable) => e switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => true,
        HttpRequestException or TaskCanceledException => repeatable,
        _ => false,
    };
}

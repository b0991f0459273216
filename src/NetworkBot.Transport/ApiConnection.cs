namespace NetworkBot.Transport;

/// <summary>
/// What a platform API client sends through, built the same way for both platforms: its <see cref="HttpClient"/>, the
/// shared retry loop over it (<see cref="RetryingSender.ForApi"/>) and the clock that loop waits on.
/// </summary>
/// <param name="random">The backoff's jitter; tests fix it.</param>
public sealed class ApiConnection(HttpClient http, TimeProvider time, Random random)
{
    public HttpClient Http { get; } = http;

    public TimeProvider Time { get; } = time;

    public RetryingSender Sender { get; } = RetryingSender.ForApi(time, random);
}

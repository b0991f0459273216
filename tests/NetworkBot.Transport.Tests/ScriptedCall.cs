using System.Net;

namespace NetworkBot.Transport.Tests;

/// <summary>An <see cref="IApiCall{T}"/> that plays a script: each attempt either throws or answers with a status.</summary>
public sealed class ScriptedCall(bool repeatable, params Func<HttpResponseMessage>[] attempts) : IApiCall<int>
{
    private int sent;

    public int Sent => sent;

    public int RateLimitWaits { get; private set; }

    public List<string> Log { get; } = [];

    public bool Repeatable => repeatable;

    public ValueTask WaitForRateLimitAsync(CancellationToken ct)
    {
        RateLimitWaits++;
        return ValueTask.CompletedTask;
    }

    public Task<HttpResponseMessage> SendOnceAsync(CancellationToken ct) => Task.FromResult(attempts[sent++]());

    public Task<ApiVerdict<int>> JudgeAsync(HttpResponseMessage response, int attempt, bool mayRetry, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        return Task.FromResult(response.StatusCode switch
        {
            HttpStatusCode.OK => ApiVerdict<int>.Done(attempt),
            HttpStatusCode.TooManyRequests when mayRetry => ApiVerdict<int>.RetryAfterRateLimit(),
            _ when status >= 500 && mayRetry => ApiVerdict<int>.RetryAfterBackoff(status),
            _ => throw new HttpRequestException($"refused with {status}"),
        });
    }

    public void LogNetworkErrorRetrying(Exception error, int attempt, TimeSpan delay) => Log.Add($"network {attempt} {delay.TotalMilliseconds}");

    public void LogServerErrorRetrying(int status, int attempt, TimeSpan delay) => Log.Add($"{status} {attempt} {delay.TotalMilliseconds}");

    public static HttpResponseMessage Answer(HttpStatusCode status) => new(status);

    public static HttpResponseMessage Refused() => throw new HttpRequestException(HttpRequestError.ConnectionError, "refused");

    public static HttpResponseMessage Lost() => throw new HttpRequestException(HttpRequestError.ResponseEnded, "lost");
}

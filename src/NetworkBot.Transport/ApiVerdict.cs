namespace NetworkBot.Transport;

/// <summary>What <see cref="IApiCall{T}.JudgeAsync"/> made of an answer.</summary>
public readonly record struct ApiVerdict<T>
{
    private ApiVerdict(ApiVerdictKind kind, T? value, int status)
    {
        Kind = kind;
        Value = value;
        Status = status;
    }

    public ApiVerdictKind Kind { get; }

    /// <summary>The answer read, when <see cref="Kind"/> is <see cref="ApiVerdictKind.Done"/>.</summary>
    public T? Value { get; }

    /// <summary>The HTTP status, when <see cref="Kind"/> is <see cref="ApiVerdictKind.RetryAfterBackoff"/>.</summary>
    public int Status { get; }

    public static ApiVerdict<T> Done(T value) => new(ApiVerdictKind.Done, value, 0);

    /// <summary>Rate-limited: try again once the wait the rate limiter now holds has passed.</summary>
    public static ApiVerdict<T> RetryAfterRateLimit() => new(ApiVerdictKind.RetryAfterRateLimit, default, 0);

    /// <summary>The platform failed (a 5xx): try again after the backoff.</summary>
    public static ApiVerdict<T> RetryAfterBackoff(int status) => new(ApiVerdictKind.RetryAfterBackoff, default, status);
}

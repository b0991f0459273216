namespace NetworkBot.Transport;

public enum ApiVerdictKind
{
    Done,
    RetryAfterRateLimit,
    RetryAfterBackoff,
}

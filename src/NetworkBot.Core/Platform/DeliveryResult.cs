namespace NetworkBot.Core.Platform;

/// <summary>What happened to one delivery attempt. Expected failures are values, not exceptions.</summary>
public abstract record DeliveryResult
{
    /// <summary>How long a message waits after its platform stayed down through the client's own retries.</summary>
    public static readonly TimeSpan OutageDelay = TimeSpan.FromMinutes(1);

    private DeliveryResult()
    {
    }

    /// <summary>The platform is down, or refuses for a while (a rate limit without its own wait): try again later.</summary>
    public static RetryLater Outage(string reason, TimeSpan? after = null) => new(after ?? OutageDelay, reason);

    /// <summary>Sent; <see cref="MessageRef"/> is the platform's id for the message, when it has one.</summary>
    public sealed record Delivered(string? MessageRef) : DeliveryResult;

    /// <summary>Not sent now (rate limit, outage); try again after <see cref="After"/>.</summary>
    public sealed record RetryLater(TimeSpan After, string Reason) : DeliveryResult;

    /// <summary>Cannot be sent (closed DMs, missing channel); retrying will not help.</summary>
    public sealed record Failed(string Reason) : DeliveryResult;
}

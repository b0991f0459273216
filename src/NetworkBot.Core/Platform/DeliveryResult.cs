namespace NetworkBot.Core.Platform;

/// <summary>What happened to one delivery attempt. Expected failures are values, not exceptions.</summary>
public abstract record DeliveryResult
{
    private DeliveryResult()
    {
    }

    /// <summary>Sent; <see cref="MessageRef"/> is the platform's id for the message, when it has one.</summary>
    public sealed record Delivered(string? MessageRef) : DeliveryResult;

    /// <summary>Not sent now (rate limit, outage); try again after <see cref="After"/>.</summary>
    public sealed record RetryLater(TimeSpan After, string Reason) : DeliveryResult;

    /// <summary>Cannot be sent (closed DMs, missing channel); retrying will not help.</summary>
    public sealed record Failed(string Reason) : DeliveryResult;
}

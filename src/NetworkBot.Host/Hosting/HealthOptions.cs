namespace NetworkBot.Host.Hosting;

/// <summary>The bound of <c>/readyz</c>'s outbox check (<c>Health:MaxOutboxLag</c>).</summary>
internal sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>How long the oldest due outbox message may wait before the worker counts as not ready.</summary>
    public TimeSpan MaxOutboxLag { get; set; } = TimeSpan.FromMinutes(5);
}

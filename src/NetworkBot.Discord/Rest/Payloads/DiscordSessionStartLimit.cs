using System.Text.Json.Serialization;

namespace NetworkBot.Discord.Rest.Payloads;

/// <summary>How many identifies are left; <c>reset_after</c> is in milliseconds, <see cref="MaxConcurrency"/> identifies per 5 seconds.</summary>
public sealed record DiscordSessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency)
{
    [JsonIgnore]
    public TimeSpan ResetAfterTime => TimeSpan.FromMilliseconds(ResetAfter);
}

namespace NetworkBot.Discord.Rest;

/// <summary>The JSON body of a 429.</summary>
internal sealed record RateLimitedBody(string? Message, double? RetryAfter, bool? Global, int? Code);

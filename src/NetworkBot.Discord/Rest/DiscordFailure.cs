using System.Net;

namespace NetworkBot.Discord.Rest;

/// <summary>What kind of expected failure a REST call met, for callers that turn it into Core's own outcome.</summary>
public enum DiscordFailure
{
    /// <summary>Discord is down, slow, rate limiting or refusing the token: try again later.</summary>
    Unavailable,

    /// <summary>The bot lacks a permission, or the target sits above its role (Discord says 50013 for both).</summary>
    MissingPermission,

    /// <summary>The guild, member, role or user no longer exists.</summary>
    NotFound,

    /// <summary>Any other refusal of the request itself.</summary>
    Refused,
}

/// <summary>Sorts the REST client's exceptions into <see cref="DiscordFailure"/>s, in one place for every caller.</summary>
public static class DiscordFailures
{
    /// <summary>The kind of an expected failure; null for a bug or a cancellation, which propagate.</summary>
    public static DiscordFailure? KindOf(Exception e, CancellationToken ct) => e switch
    {
        DiscordAuthenticationException => DiscordFailure.Unavailable,
        DiscordApiException { Error: var error } => KindOf(error),
        DiscordRateLimitedException or HttpRequestException => DiscordFailure.Unavailable,
        TaskCanceledException when !ct.IsCancellationRequested => DiscordFailure.Unavailable, // HttpClient's timeout
        _ => null,
    };

    public static DiscordFailure KindOf(DiscordApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error switch
        {
            { Code: DiscordApiError.MissingPermissions or DiscordApiError.MissingAccess } => DiscordFailure.MissingPermission,
            { Code: DiscordApiError.UnknownGuild or DiscordApiError.UnknownMember or DiscordApiError.UnknownRole or DiscordApiError.UnknownUser } => DiscordFailure.NotFound,
            { Status: HttpStatusCode.Forbidden } => DiscordFailure.MissingPermission,
            { Status: HttpStatusCode.NotFound } => DiscordFailure.NotFound,
            { Status: >= HttpStatusCode.InternalServerError } => DiscordFailure.Unavailable,
            _ => DiscordFailure.Refused,
        };
    }

    /// <summary>Discord's reason in plain words for the log; the exception's type for anything else (never a body or token).</summary>
    public static string Reason(Exception e) => e is DiscordApiException api ? DiscordApiError.Describe(api.Error) : e.GetType().Name;
}

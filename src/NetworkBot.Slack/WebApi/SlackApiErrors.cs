namespace NetworkBot.Slack.WebApi;

/// <summary>
/// The Web API <c>error</c> codes NetworkBot acts on, and a plain-English sentence for each (what to fix, where
/// Slack's code says it). Codes the client makes up for failures that never reached Slack's JSON start with <c>http_</c>.
/// </summary>
public static class SlackApiErrors
{
    public const string RateLimited = "ratelimited";
    public const string InvalidAuth = "invalid_auth";
    public const string NotAuthed = "not_authed";
    public const string TokenRevoked = "token_revoked";
    public const string AccountInactive = "account_inactive";
    public const string MissingScope = "missing_scope";
    public const string ChannelNotFound = "channel_not_found";
    public const string NotInChannel = "not_in_channel";
    public const string IsArchived = "is_archived";
    public const string NameTaken = "name_taken";
    public const string InvalidNameSpecials = "invalid_name_specials";
    public const string AlreadyInChannel = "already_in_channel";
    public const string CantInviteSelf = "cant_invite_self";
    public const string CantKickSelf = "cant_kick_self";
    public const string UserNotFound = "user_not_found";
    public const string UserDisabled = "user_disabled";
    public const string RestrictedAction = "restricted_action";
    public const string MethodNotSupportedForChannelType = "method_not_supported_for_channel_type";
    public const string ExpiredTriggerId = "expired_trigger_id";
    public const string InvalidResponse = "invalid_response";

    /// <summary>Ours, not Slack's: the request never reached Slack (the connection was refused).</summary>
    public const string ConnectionError = "connection_error";

    /// <summary>Ours, not Slack's: the request was sent but no answer came back, so whether Slack acted is unknown.</summary>
    public const string RequestLost = "request_lost";

    /// <summary>Errors that say "not now" rather than "never": trying the same call later may work.</summary>
    public static bool IsTransient(string error) =>
        error is RateLimited or "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout" or InvalidResponse
        || error.StartsWith("http_5", StringComparison.Ordinal);

    /// <summary>The bot's token is wrong or missing; an operator must fix the configuration.</summary>
    public static bool IsAuthentication(string error) => error is InvalidAuth or NotAuthed;

    /// <summary>Errors that mean the bot lacks a permission, a scope or an admin setting allows it.</summary>
    public static bool IsPermission(string error) =>
        error is MissingScope or RestrictedAction or MethodNotSupportedForChannelType or "not_allowed_token_type" or "no_permission"
            or "cant_kick_from_general" or "cant_kick_from_last_channel" or "user_is_restricted" or "ekm_access_denied"
            or "access_denied" or "team_access_not_granted" or "cannot_dm_bot";

    public static string Describe(string method, string error, IReadOnlyList<string> details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var sentence = error switch
        {
            RateLimited => "Slack is rate limiting this method; try again later",
            InvalidAuth or NotAuthed => "Slack rejected the bot token; check Slack:BotToken",
            TokenRevoked or AccountInactive => "the bot's token was revoked or the app was removed from the workspace; reinstall the app",
            MissingScope => "the Slack app lacks an OAuth scope this needs; add it in the app settings and reinstall",
            ChannelNotFound => "the channel does not exist or the bot cannot see it",
            NotInChannel => "the bot (or the member) is not in that channel; invite the bot with /invite",
            IsArchived => "the channel is archived",
            NameTaken => "a channel with that name already exists",
            InvalidNameSpecials => "the channel name has characters Slack does not allow",
            AlreadyInChannel => "the member is already in the channel",
            CantInviteSelf => "the bot cannot invite itself",
            CantKickSelf => "the bot cannot remove itself",
            UserNotFound => "that user does not exist in this workspace",
            UserDisabled => "that user's account is deactivated",
            RestrictedAction => "a workspace setting does not allow the bot to do this",
            MethodNotSupportedForChannelType => "this cannot be done in that kind of conversation",
            ExpiredTriggerId => "the trigger expired: a modal must be opened within 3 seconds of the click",
            InvalidResponse => "Slack's answer was not the JSON the Web API sends",
            _ when error.StartsWith("http_", StringComparison.Ordinal) => $"Slack answered HTTP {error[5..]}",
            _ => "Slack refused the request",
        };
        var more = details.Count == 0 ? "" : $" ({string.Join("; ", details)})";
        return $"Slack {method}: {sentence} [{error}]{more}.";
    }
}

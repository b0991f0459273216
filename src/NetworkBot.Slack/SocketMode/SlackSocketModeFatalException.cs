namespace NetworkBot.Slack.SocketMode;

/// <summary>
/// Socket Mode cannot connect until the configuration or the Slack app settings change: the app token was
/// refused (<c>invalid_auth</c>, <c>not_authed</c>, …) or Socket Mode was turned off (<c>link_disabled</c>).
/// <see cref="Fix"/> says what to change.
/// </summary>
public sealed class SlackSocketModeFatalException(string error, string fix)
    : Exception($"Slack Socket Mode stopped ({error}): {fix}")
{
    /// <summary>Slack's error code or disconnect reason.</summary>
    public string Error { get; } = error;

    public string Fix { get; } = fix;
}

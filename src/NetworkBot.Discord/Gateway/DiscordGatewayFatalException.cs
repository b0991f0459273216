namespace NetworkBot.Discord.Gateway;

/// <summary>
/// Discord closed the gateway with a code that reconnecting cannot fix (4004, 4010–4014): the configuration or
/// the Developer Portal settings must change first. <see cref="Fix"/> says what to change.
/// </summary>
public sealed class DiscordGatewayFatalException(int closeCode, string cause, string fix)
    : Exception($"Discord closed the gateway with {closeCode} ({cause}): {fix}")
{
    public int CloseCode { get; } = closeCode;

    public string Cause { get; } = cause;

    public string Fix { get; } = fix;
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NetworkBot.Slack.Http;

/// <summary>
/// Slack's request signing (PROTOCOLS §6.1): <c>X-Slack-Signature</c> = <c>v0=</c> + hex HMAC-SHA256 of
/// <c>v0:{timestamp}:{body}</c> over the raw body bytes, with the timestamp within 5 minutes of now.
/// </summary>
internal static class SlackRequestSignature
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public static bool IsValid(string signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > MaxAge)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(signingSecret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    /// <summary>The <c>X-Slack-Signature</c> value for this timestamp and body.</summary>
    public static string Sign(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes($"v0:{timestamp}:");
        var basestring = new byte[prefix.Length + body.Length];
        prefix.CopyTo(basestring, 0);
        body.CopyTo(basestring.AsSpan(prefix.Length));
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), basestring));
    }
}

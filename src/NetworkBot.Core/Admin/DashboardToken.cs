using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace NetworkBot.Core.Admin;

/// <summary>
/// The secrets of the managers' dashboard, sign-in links and session cookies alike: 32 random bytes as base64url
/// (safe in a URL and a cookie as they are), stored only as their SHA-256 so a copy of the database signs nobody in.
/// </summary>
public static class DashboardToken
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>A short name for a session in the session list and its revoke form: random, so it says nothing about the token.</summary>
    public static string NewHandle() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(6));

    /// <summary>The SHA-256 of <paramref name="token"/>'s UTF-8 bytes as lower-case hex: what the store keeps and looks up.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

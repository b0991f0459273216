using System.Security.Cryptography;
using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Privacy;

/// <summary>
/// The anonymous placeholder that stands where an erased member was in other members' history (a past group, a
/// connection): a fresh id per erasure, so one erased member stays one person in those rows yet names no one. No
/// platform's user ids look like it.
/// </summary>
public static class ErasedMember
{
    private const string Prefix = "erased:";

    public static MemberId NewId() => new(Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));

    public static bool Is(MemberId member) => member.Value.StartsWith(Prefix, StringComparison.Ordinal);
}

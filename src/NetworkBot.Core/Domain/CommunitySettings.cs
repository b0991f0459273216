namespace NetworkBot.Core.Domain;

/// <summary>What <c>/admin setup</c> configures. Channel and role values are platform references.</summary>
public sealed record CommunitySettings(
    Language Language,
    string TimeZone,
    string? IntroChannel,
    string? CoffeeChannel,
    string? AnnouncementChannel,
    string? ManagerRole,
    IReadOnlyList<MemberId> Managers)
{
    /// <summary>The retention period a manager has not changed: days a departed member's data is kept.</summary>
    public const int DefaultRetentionDays = 180;

    /// <summary>How many days the data of a member who left the platform is kept before it is erased.</summary>
    public int RetentionDays { get; init; } = DefaultRetentionDays;

    public const int DefaultIntroRequestsPerWeek = 2;

    public const int DefaultOpenAsksPerMember = 3;

    /// <summary>How many times in 7 days a member may be asked to be introduced to someone (<c>/ask</c>).</summary>
    public int IntroRequestsPerWeek { get; init; } = DefaultIntroRequestsPerWeek;

    /// <summary>How many of a member's asks may be open at once.</summary>
    public int OpenAsksPerMember { get; init; } = DefaultOpenAsksPerMember;

    public static CommunitySettings Default { get; } = new(Language.En, "UTC", null, null, null, null, []);
}

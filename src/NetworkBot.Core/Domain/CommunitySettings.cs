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
    public static CommunitySettings Default { get; } = new(Language.En, "UTC", null, null, null, null, []);
}

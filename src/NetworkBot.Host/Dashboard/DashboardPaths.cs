using NetworkBot.Core.Domain;

namespace NetworkBot.Host.Dashboard;

/// <summary>The dashboard's URLs, built in one place: <c>{community}</c> is the community id, URL-escaped.</summary>
internal static class DashboardPaths
{
    public const string SignIn = DashboardHosting.BasePath + "/" + DashboardAccess.SignInSegment;

    public static string Community(CommunityId community) => $"{DashboardHosting.BasePath}/{Uri.EscapeDataString(community.Value)}";

    public static string Sessions(CommunityId community) => Community(community) + "/sessions";

    public static string Revoke(CommunityId community) => Sessions(community) + "/revoke";
}

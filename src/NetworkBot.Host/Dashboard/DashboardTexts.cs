using NetworkBot.Core.Texts;

namespace NetworkBot.Host.Dashboard;

/// <summary>The dashboard's own words around the pages: navigation, sign-in, sessions and refusals. English and Japanese.</summary>
internal static class DashboardTexts
{
    public static readonly LocalizedText Title = new("NetworkBot dashboard", "NetworkBot ダッシュボード");
    public static readonly LocalizedText Navigation = new("Dashboard pages", "ダッシュボードのページ");
    public static readonly LocalizedText Overview = new("Overview", "概要");
    public static readonly LocalizedText Rounds = new("Rounds", "ラウンド");
    public static readonly LocalizedText Network = new("Network", "ネットワーク");
    public static readonly LocalizedText Events = new("Events", "イベント");
    public static readonly LocalizedText Interests = new("Interests", "興味グループ");
    public static readonly LocalizedText Members = new("Members", "メンバー");
    public static readonly LocalizedText Sessions = new("Sessions", "セッション");

    // /dashboard
    public static readonly LocalizedText Communities = new("Communities", "コミュニティ");
    public static readonly LocalizedText NoCommunities = new(
        "No community is stored yet. Run `networkbot demo` to load the demo community, then open this page again.",
        "まだコミュニティがありません。`networkbot demo` でデモのコミュニティを読み込んでから、このページを開き直してください。");
    public static readonly LocalizedText UseAdminDashboard = new(
        "To open your community's dashboard, type `/admin dashboard` in your community (Discord, Slack or the shell): it answers, visible only to you, with a sign-in link valid for 10 minutes.",
        "コミュニティのダッシュボードを開くには、コミュニティ（Discord、Slack、シェル）で `/admin dashboard` と入力してください。あなただけに見える、10 分間有効なサインインのリンクが届きます。");

    // refusals
    public static readonly LocalizedText NotFoundTitle = new("Not found", "見つかりません");
    public static readonly LocalizedText NotFound = new(
        "There is no such dashboard page, or your session does not cover it.",
        "このダッシュボードのページはないか、今のセッションでは開けません。");
    public static readonly LocalizedText SignInNeededTitle = new("Sign in", "サインイン");
}

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

    // sign-in
    public static readonly LocalizedText SignInIntro = new(
        "Continue to sign in to your community's dashboard. The link works once; your session lasts until you sign out or it expires.",
        "続けるとコミュニティのダッシュボードにサインインします。リンクは 1 回だけ使えます。セッションはサインアウトするか期限が切れるまで続きます。");
    public static readonly LocalizedText Continue = new("Continue", "続ける");
    public static readonly LocalizedText LinkInvalidTitle = new("This link no longer works", "このリンクはもう使えません");
    public static readonly LocalizedText LinkInvalid = new(
        "The sign-in link was already used, has expired (links last 10 minutes) or is unknown. Type `/admin dashboard` in your community again for a new one.",
        "このサインイン用リンクは使用済みか、期限切れ（有効期間は 10 分）か、存在しません。コミュニティでもう一度 `/admin dashboard` と入力して、新しいリンクを受け取ってください。");

    // sessions
    public static readonly LocalizedText SessionsIntro = new(
        "Everyone signed in to this community's dashboard. Revoke a session you do not recognise; signing out ends yours.",
        "このコミュニティのダッシュボードにサインインしているセッションです。心当たりのないセッションは取り消してください。サインアウトすると自分のセッションが終わります。");
    public static readonly LocalizedText NoSessions = new("Nobody is signed in.", "サインインしている人はいません。");
    public static readonly LocalizedText SessionManager = new("Manager", "管理者");
    public static readonly LocalizedText SessionCreated = new("Signed in", "サインイン日時");
    public static readonly LocalizedText SessionExpires = new("Expires", "有効期限");
    public static readonly LocalizedText ThisSession = new("this session", "このセッション");
    public static readonly LocalizedText Revoke = new("Revoke", "取り消す");
    public static readonly LocalizedText RevokeSession = new("Revoke the session of {0}", "{0} さんのセッションを取り消す");
    public static readonly LocalizedText SignOut = new("Sign out", "サインアウト");
}

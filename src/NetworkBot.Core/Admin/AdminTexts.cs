using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Admin;

/// <summary>The texts of <c>/admin setup</c> (the community's settings) and <c>/admin dashboard</c>. English and Japanese, numbered alike (see <see cref="Messages"/>).</summary>
public static class AdminTexts
{
    // /admin setup
    public static readonly LocalizedText SetupTitle = new("Community settings", "コミュニティ設定");
    public static readonly LocalizedText SetupSaved = new("Saved the settings.", "設定を保存しました。");
    public static readonly LocalizedText SetupFirstManager = new(
        "You are the community's first named manager: round summaries and notices for managers come to you. Add others with `add-manager`.",
        "あなたがこのコミュニティの最初の管理者として登録されました。ラウンドの結果や管理者向けのお知らせはあなたに届きます。ほかの管理者は `add-manager` で追加できます。");
    public static readonly LocalizedText SetupNotSet = new("not set", "未設定");
    public static readonly LocalizedText SetupManagers = new("Managers", "管理者");
    public static readonly LocalizedText SetupManagerRole = new("Manager role", "管理者ロール");
    public static readonly LocalizedText SetupIntroChannel = new("Intro channel", "紹介チャンネル");
    public static readonly LocalizedText SetupCoffeeChannel = new("Coffee channel", "コーヒーチャットのチャンネル");
    public static readonly LocalizedText SetupAnnouncementChannel = new("Announcement channel", "告知チャンネル");
    public static readonly LocalizedText SetupLastManager = new(
        "{0} is the last manager; add another one before removing them.",
        "{0} さんは最後の管理者です。別の管理者を追加してから外してください。");

    // /admin dashboard
    public static readonly LocalizedText DashboardLink = new(
        "Your sign-in link to the dashboard of {0} (only you see it; it works once, until {1}): {2}",
        "{0} のダッシュボードへのサインイン用リンクです（あなたにだけ表示され、{1} まで 1 回だけ使えます）：{2}");
}

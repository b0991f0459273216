namespace NetworkBot.Core.Texts;

/// <summary>Texts only the Slack adapter shows: modal buttons (Discord's modals have none), the App Home and the welcome DM.</summary>
public static partial class Messages
{
    public static readonly LocalizedText SlackFormSubmit = new("Save", "保存");
    public static readonly LocalizedText SlackFormClose = new("Cancel", "キャンセル");

    public static readonly LocalizedText SlackFormExpired = new(
        "The form could not open in time. Please try again.",
        "フォームを時間内に開けませんでした。もう一度お試しください。");

    // App Home
    public static readonly LocalizedText SlackHomeIntro = new(
        "Your introduction, coffee chats and interest groups in one place. Type `{0} help` for everything else.",
        "自己紹介・コーヒーチャット・興味グループをここで管理できます。そのほかの操作は `{0} help` で確認できます。");
    public static readonly LocalizedText SlackHomeIntroField = new("Your introduction", "あなたの自己紹介");
    public static readonly LocalizedText SlackHomeNoIntro = new(
        "No introduction yet: press “Edit introduction”.",
        "まだ自己紹介がありません。「自己紹介を編集」から書けます。");
    public static readonly LocalizedText SlackHomeInterestMember = new("{0} (joined)", "{0}（参加中）");
    public static readonly LocalizedText SlackHomeGoingTo = new("Going: {0}", "参加: {0}");
    public static readonly LocalizedText SlackButtonEditIntro = new("Edit introduction", "自己紹介を編集");
    public static readonly LocalizedText SlackButtonJoinInterest = new("Join {0}", "{0} に参加");
    public static readonly LocalizedText SlackButtonLeaveInterest = new("Leave {0}", "{0} から抜ける");
    public static readonly LocalizedText SlackPausePlaceholder = new("Pause coffee chats until…", "コーヒーチャットを休む期間…");
    public static readonly LocalizedText SlackPauseChoice = new("Until {0}", "{0} まで");

    // Welcome DM to a new workspace member
    public static readonly LocalizedText SlackWelcome = new(
        "Welcome! I'm NetworkBot: I introduce members of this workspace to each other over short coffee chats. Join in, and write a 15-second introduction so people know who you are.",
        "ようこそ！NetworkBot です。このワークスペースのメンバー同士を短いコーヒーチャットでつなぎます。参加して、15秒の自己紹介を書いてみましょう。");
    public static readonly LocalizedText SlackButtonJoinCoffee = new("Join coffee chats", "コーヒーチャットに参加");
    public static readonly LocalizedText SlackButtonWriteIntro = new("Write my introduction", "自己紹介を書く");
}

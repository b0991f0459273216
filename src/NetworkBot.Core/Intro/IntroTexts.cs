using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Intro;

/// <summary>The texts of <c>/intro</c>: the introduction form, the profile card and the post in the intro channel. English and Japanese, numbered alike (see <see cref="Messages"/>).</summary>
public static class IntroTexts
{
    // /intro
    public static readonly LocalizedText IntroFormTitle = new("Your introduction", "自己紹介");
    public static readonly LocalizedText IntroSaved = new(
        "Saved your introduction. `/intro post` shares it in the intro channel.",
        "自己紹介を保存しました。`/intro post` で紹介チャンネルに投稿できます。");
    public static readonly LocalizedText IntroNoneYourself = new(
        "You haven't written an introduction yet. Start with `/intro set`.",
        "まだ自己紹介がありません。`/intro set` から書きましょう。");
    public static readonly LocalizedText IntroNoneOther = new(
        "{0} hasn't written an introduction yet.",
        "{0} さんはまだ自己紹介を書いていません。");
    public static readonly LocalizedText FieldPitch = new("Pitch", "ひとこと紹介");
    public static readonly LocalizedText FieldRole = new("Role", "職種");
    public static readonly LocalizedText FieldIndustry = new("Industry", "業界");
    public static readonly LocalizedText FieldOffers = new("Can offer", "提供できること");
    public static readonly LocalizedText FieldSeeks = new("Looking for", "求めていること");
    public static readonly LocalizedText FieldInterests = new("Interests", "興味・関心");
    public static readonly LocalizedText FieldLanguage = new("Language", "言語");
    public static readonly LocalizedText IntroNoChannel = new(
        "No intro channel is set up yet. Ask a manager to run `/admin setup intro-channel:…`.",
        "紹介チャンネルがまだ設定されていません。管理者に `/admin setup intro-channel:…` を依頼してください。");
    public static readonly LocalizedText IntroPostNeedsIntro = new(
        "Write your introduction first with `/intro set`, then post it.",
        "先に `/intro set` で自己紹介を書いてから投稿してください。");
    public static readonly LocalizedText ButtonPostIntro = new("Post it to the intro channel", "紹介チャンネルに投稿する");
    public static readonly LocalizedText IntroPosted = new(
        "Your introduction is on its way to {0}.",
        "自己紹介を {0} に投稿します。");
    public static readonly LocalizedText IntroPostCooldown = new(
        "You posted your introduction a moment ago. To keep the intro channel easy to read, please wait {0} more minutes before posting it again.",
        "自己紹介は少し前に投稿されています。紹介チャンネルを読みやすく保つため、再投稿はあと {0} 分お待ちください。");
    public static readonly LocalizedText IntroPostHeader = new(
        "Please welcome {0}!",
        "{0} さんの自己紹介です！");
    public static readonly LocalizedText FieldOpenToIntros = new("Intro requests (only you see this)", "紹介の依頼（あなたにだけ表示）");
    public static readonly LocalizedText OpenToIntrosYes = new(
        "Open: members who ask for what you offer may be introduced to you, if you agree each time. `/intro set open-to-intros:no` turns it off.",
        "受け付け中：あなたが提供できることを探しているメンバーから、毎回あなたの同意を得たうえで紹介します。`/intro set open-to-intros:no` で停止できます。");
    public static readonly LocalizedText OpenToIntrosNo = new(
        "Off: nobody's ask will propose you. `/intro set open-to-intros:yes` turns it back on.",
        "停止中：依頼があってもあなたには届きません。`/intro set open-to-intros:yes` で再開できます。");
}

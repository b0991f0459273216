using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Privacy;

/// <summary>
/// The texts of <c>/privacy</c>, <c>/admin privacy delete</c>, the retention step's summary to managers and the placeholder
/// an erased member leaves in others' history. English and Japanese, numbered alike (see <see cref="Messages"/>).
/// </summary>
public static class PrivacyTexts
{
    // /privacy export
    public static readonly LocalizedText ExportSent = new(
        "Everything NetworkBot keeps about you in {0} is in the file networkbot-data.json, sent to you alone (JSON, with a description of every field).",
        "{0} で NetworkBot が保存しているあなたのデータをすべて、あなただけに送ったファイル networkbot-data.json にまとめました（JSON 形式、各項目の説明付き）。");
    public static readonly LocalizedText ExportNothingStored = new(
        "NetworkBot keeps nothing about you in {0}. The file networkbot-data.json, sent to you alone, says so.",
        "{0} で NetworkBot が保存しているあなたのデータはありません。その旨を記したファイル networkbot-data.json をあなただけに送りました。");

    public static readonly LocalizedText ExportAbout = new(
        "Everything NetworkBot stores about you in this community. \"tables\" holds the stored rows that concern you, in the format of "
        + "NetworkBot's own export, and \"descriptions\" says what each table and field means. Other members appear only by id; "
        + "\"names\" gives the display names of the people those rows name, and nothing else about them.",
        "このコミュニティで NetworkBot が保存しているあなたのデータのすべてです。\"tables\" にはあなたに関わる保存データの行が NetworkBot の"
        + "エクスポート形式で入っており、\"descriptions\" に各表と各項目の意味があります。ほかのメンバーは ID でのみ現れ、\"names\" には"
        + "それらの行に出てくる人の表示名だけが入っています（それ以外の情報はありません）。");
    public static readonly LocalizedText ExportAboutNothing = new(
        "NetworkBot stores nothing about you in this community.",
        "このコミュニティで NetworkBot が保存しているあなたのデータはありません。");

    // /privacy delete and /admin privacy delete
    public static readonly LocalizedText DeleteWarningTitle = new("Delete your data?", "データを削除しますか？");
    public static readonly LocalizedText DeleteWarning = new(
        "This deletes everything NetworkBot keeps about you in {0}, at once and for good: your introduction, coffee-chat settings, "
        + "blocks, interest groups, pair wishes, answers to events and to “did you meet?”, and messages still waiting for you. "
        + "Past coffee groups, other members' connections and event attendance keep a place for you as “a former member”, "
        + "without your name, so their history and the statistics stay right. Use `/privacy export` first if you want a copy.",
        "{0} で NetworkBot が保存しているあなたのデータを、すぐに完全に削除します。自己紹介、コーヒーチャットの設定、ブロック、興味グループ、"
        + "ペアの希望、イベントや「会えましたか？」への回答、まだ届いていないメッセージが対象です。過去のコーヒーチャットのグループ、"
        + "ほかのメンバーのつながり、イベントの出席記録では、他の人の履歴や統計が崩れないよう、名前を残さず「退会したメンバー」として残ります。"
        + "控えが必要なら先に `/privacy export` を使ってください。");
    public static readonly LocalizedText ButtonDelete = new("Delete my data", "データを削除する");
    public static readonly LocalizedText Deleted = new(
        "Done: everything NetworkBot kept about you in {0} is deleted, and nothing about you is stored any more.",
        "削除しました。{0} で NetworkBot が保存していたあなたのデータはすべて消え、今は何も保存されていません。");
    public static readonly LocalizedText NothingStored = new(
        "Nothing is stored about you in {0}, so there is nothing to delete.",
        "{0} にはあなたについて保存されているデータがないため、削除するものはありません。");
    public static readonly LocalizedText AdminDeleteWarning = new(
        "This deletes everything NetworkBot keeps about {0}, at once and for good: introduction, coffee-chat settings, blocks, "
        + "interest groups, pair wishes, answers, and messages waiting for them. Past groups, others' connections and event "
        + "attendance keep them as “a former member”, without their name. They are not told.",
        "{0} さんについて NetworkBot が保存しているデータを、すぐに完全に削除します。自己紹介、コーヒーチャットの設定、ブロック、興味グループ、"
        + "ペアの希望、回答、まだ届いていないメッセージが対象です。過去のグループ、ほかのメンバーのつながり、イベントの出席記録では、"
        + "名前を残さず「退会したメンバー」として残ります。本人には通知されません。");
    public static readonly LocalizedText AdminButtonDelete = new("Delete this member's data", "このメンバーのデータを削除する");
    public static readonly LocalizedText AdminDeleted = new(
        "Deleted everything NetworkBot kept about {0}; nothing about them is stored any more.",
        "{0} さんについて保存していたデータをすべて削除しました。今は何も保存されていません。");

    public static readonly LocalizedText AdminNothingStored = new(
        "Nothing is stored about {0} any more, so there is nothing to delete.",
        "{0} さんについて保存されているデータはもうないため、削除するものはありません。");

    // The retention step's summary to managers; it names no one, since a stored message naming them would keep them.
    public static readonly LocalizedText RetentionSummaryTitle = new("Data of former members deleted", "退会したメンバーのデータを削除しました");
    public static readonly LocalizedText RetentionSummary = new(
        "{0} members who left more than {1} days ago were deleted, as the retention period of {2} says (`/admin setup retention-days:`).",
        "{2} の保存期間（`/admin setup retention-days:`）に従い、{1} 日以上前に退会したメンバー {0} 人のデータを削除しました。");
    public static readonly LocalizedText RetentionSummaryOne = new(
        "{0} member who left more than {1} days ago was deleted, as the retention period of {2} says (`/admin setup retention-days:`).",
        "{2} の保存期間（`/admin setup retention-days:`）に従い、{1} 日以上前に退会したメンバー {0} 人のデータを削除しました。");

    // /admin setup
    public static readonly LocalizedText SetupRetention = new("Data kept after leaving", "退会後のデータ保存期間");
    public static readonly LocalizedText SetupRetentionDays = new("{0} days", "{0} 日");

    /// <summary>How an erased member's placeholder is shown wherever others' history names them.</summary>
    public static readonly LocalizedText FormerMember = new("a former member", "退会したメンバー");
}

namespace NetworkBot.Core.Texts;

/// <summary>
/// The sentences no one feature owns, in English and Japanese: the command layer's errors, <c>/help</c>, words
/// several features show, and the Slack adapter's texts. Each feature keeps its own next to it (<c>CoffeeTexts</c>,
/// <c>EventTexts</c>…). Format arguments are numbered the same in both languages (a test checks every text class);
/// user-supplied values are always arguments, never part of the format.
/// </summary>
public static partial class Messages
{
    // Errors of the command layer.
    public static readonly LocalizedText UnknownCommand = new(
        "I don't know the command `/{0}`. Type `/help` to see what you can use.",
        "`/{0}` というコマンドはありません。`/help` で使えるコマンドを確認できます。");
    public static readonly LocalizedText EmptyCommand = new(
        "Type a command, for example `/help`.",
        "コマンドを入力してください（例: `/help`）。");
    public static readonly LocalizedText NeedsSubcommand = new(
        "`/{0}` needs one more word: {1}.",
        "`/{0}` の後に続けて入力してください: {1}。");
    public static readonly LocalizedText UnknownOption = new(
        "`/{0}` has no option `{1}`. Its options: {2}.",
        "`/{0}` に `{1}` というオプションはありません。使えるオプション: {2}。");
    public static readonly LocalizedText NoOptions = new(
        "`/{0}` takes no options, but got “{1}”.",
        "`/{0}` はオプションを取りませんが、「{1}」が指定されました。");
    public static readonly LocalizedText TooManyValues = new(
        "`/{0}` got more values than it takes: “{1}”. Put quotes around text with spaces.",
        "`/{0}` に余分な値があります: 「{1}」。空白を含む文字列は引用符で囲んでください。");
    public static readonly LocalizedText DuplicateOption = new(
        "`{0}` was given twice.",
        "`{0}` が二回指定されています。");
    public static readonly LocalizedText UnclosedQuote = new(
        "A quote is not closed. Put the closing \" after the text.",
        "引用符が閉じられていません。文字列の後に \" を付けてください。");
    public static readonly LocalizedText MissingOption = new(
        "`{0}` is required.",
        "`{0}` を指定してください。");
    public static readonly LocalizedText TooLong = new(
        "`{0}` is too long: {1} characters, at most {2}.",
        "`{0}` が長すぎます（{1}文字、最大{2}文字）。");
    public static readonly LocalizedText ListTooLong = new(
        "`{0}` has too many items: {1}, at most {2}.",
        "`{0}` の項目が多すぎます（{1}個、最大{2}個）。");
    public static readonly LocalizedText ListItemTooLong = new(
        "An item of `{0}` is too long: at most {1} characters each.",
        "`{0}` の項目が長すぎます（各{1}文字まで）。");
    public static readonly LocalizedText NotAChoice = new(
        "`{0}` must be one of: {1}.",
        "`{0}` は次のいずれかにしてください: {1}。");
    public static readonly LocalizedText NotAnInteger = new(
        "`{0}` must be a whole number from {1} to {2}.",
        "`{0}` は{1}から{2}までの整数にしてください。");
    public static readonly LocalizedText NotADate = new(
        "`{0}` must be a date like 2026-12-31, not “{1}”.",
        "`{0}` は 2026-12-31 のような日付にしてください（「{1}」は日付ではありません）。");
    public static readonly LocalizedText NotADuration = new(
        "`{0}` must be a length from {1} to {2}, written like one of: {3}.",
        "`{0}` は{1}〜{2}の長さを、次のいずれかの形で指定してください: {3}。");
    public static readonly LocalizedText NotATime = new(
        "`{0}` must be a time like 10:00 or 18:30, not “{1}”.",
        "`{0}` は 10:00 や 18:30 のような時刻にしてください（「{1}」）。");
    public static readonly LocalizedText NotATimeZone = new(
        "“{0}” is not a time zone I know. Use a name like Asia/Tokyo, Europe/London or America/New_York.",
        "「{0}」というタイムゾーンはありません。Asia/Tokyo、Europe/London、America/New_York のような名前を使ってください。");
    public static readonly LocalizedText NotALanguage = new(
        "`{0}` must be en or ja.",
        "`{0}` は en か ja にしてください。");
    public static readonly LocalizedText NotAReference = new(
        "`{0}` must be a channel or role, not “{1}”.",
        "`{0}` にはチャンネルかロールを指定してください（「{1}」）。");
    public static readonly LocalizedText MemberNotFound = new(
        "I can't find a member called “{0}” in this community.",
        "このコミュニティに「{0}」というメンバーは見つかりません。");
    public static readonly LocalizedText MemberNotStored = new(
        "Nothing about <@{0}> is stored in this community: they have not used NetworkBot here yet, or their data was deleted.",
        "このコミュニティには <@{0}> さんの情報が保存されていません。まだ NetworkBot を使っていないか、データが削除されています。");
    public static readonly LocalizedText MemberAmbiguous = new(
        "Several members are called “{0}”. Mention them or use their id.",
        "「{0}」という名前のメンバーが複数います。メンションか ID で指定してください。");
    public static readonly LocalizedText ComponentNotForCaller = new(
        "This button belongs to a community you are not a member of, so it changed nothing.",
        "このボタンはあなたが参加していないコミュニティのものなので、何も変更していません。");
    public static readonly LocalizedText ManagersOnly = new(
        "Only community managers can use `/{0}`.",
        "`/{0}` はコミュニティの管理者だけが使えます。");
    public static readonly LocalizedText InvalidInputHeader = new(
        "That didn't work, nothing was changed:",
        "実行できませんでした（何も変更していません）:");
    public static readonly LocalizedText NotUnderstood = new(
        "NetworkBot couldn't read that (perhaps the button belongs to an older message). Nothing was changed; please use the slash command instead.",
        "この操作を読み取れませんでした（古いメッセージのボタンかもしれません）。何も変更していません。スラッシュコマンドからもう一度お試しください。");
    public static readonly LocalizedText ChangedMeanwhile = new(
        "Something you changed was changed by someone else at the same moment, so nothing was changed. Please look again and retry.",
        "同じ内容が同時に別の操作で変更されたため、何も変更していません。内容を確認して、もう一度お試しください。");
    public static readonly LocalizedText InternalError = new(
        "Sorry, something went wrong on our side and nothing was changed. Please try again in a moment.",
        "申し訳ありません、内部でエラーが起きたため何も変更していません。少し待ってからもう一度お試しください。");

    // /help
    public static readonly LocalizedText HelpTitle = new("What you can do", "できること");
    public static readonly LocalizedText HelpIntro = new(
        "NetworkBot helps this community turn members into a network: short self-introductions, small coffee chats, interest groups.",
        "NetworkBot はこのコミュニティのメンバー同士のつながりづくりを手伝います。短い自己紹介、少人数のコーヒーチャット、興味グループ。");
    public static readonly LocalizedText HelpManagerSection = new("For managers", "管理者向け");

    // Words more than one feature shows.
    public static readonly LocalizedText FieldTimeZone = new("Time zone", "タイムゾーン");
    public static readonly LocalizedText ButtonJoin = new("Join", "参加する");
    public static readonly LocalizedText ButtonLeave = new("Leave", "やめる");
}

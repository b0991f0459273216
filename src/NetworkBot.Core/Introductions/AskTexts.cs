using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Introductions;

/// <summary>
/// The texts of introductions on request (<c>/ask</c>, <c>/offer</c>, <c>/asks …</c>): what the asker, the candidates and
/// managers read. English and Japanese, numbered alike (see <see cref="Messages"/>). No text the asker reads names a
/// candidate who was not introduced to them.
/// </summary>
public static class AskTexts
{
    // /ask
    public static readonly LocalizedText AskEmpty = new(
        "Write what or whom you are looking for, e.g. `/ask someone who knows payments regulation`.",
        "探していることを書いてください。例: `/ask 決済の規制に詳しい人`");
    public static readonly LocalizedText AskTooMany = new(
        "You already have {0} open asks, the most this community allows at once. Withdraw one with `/asks cancel <id>` (`/asks list` shows them) or wait for one to end.",
        "募集中の紹介依頼がすでに {0} 件あり、このコミュニティで同時に出せる上限です。`/asks cancel <ID>` で取り下げるか（一覧は `/asks list`）、どれかが終わるまでお待ちください。");
    public static readonly LocalizedText AskSent = new(
        "Your ask is out (id `{0}`). We ask the members whose offers fit it best, privately and one at a time; you are introduced only when one of them says yes, and you hear nothing about the others. It expires {1}.",
        "紹介依頼を受け付けました（ID `{0}`）。提供できることが合うメンバーに、1 人ずつ非公開でお願いします。誰かが「はい」と答えたときだけ紹介し、それ以外の方についてお知らせすることはありません。期限は {1} です。");
    public static readonly LocalizedText AskNoCandidate = new(
        "Your ask is open (id `{0}`), but nobody's offers answer it yet. When a member offers something that does (`/offer`), we'll ask them. It expires {1}.",
        "紹介依頼を受け付けました（ID `{0}`）。いまはまだ合うメンバーがいませんが、誰かが合うことを `/offer` で登録したらその方にお願いします。期限は {1} です。");

    // The candidate's private message
    public static readonly LocalizedText CandidateTitle = new("An introduction request", "紹介のお願い");
    public static readonly LocalizedText CandidateAsked = new(
        "{0} is looking for {1} — you offered “{2}”. Introduce you?",
        "{0} さんが「{1}」を探しています。あなたは「{2}」を提供できると書いています。{0} さんに紹介してもよいですか？");
    public static readonly LocalizedText CandidateAskedByMention = new(
        "{0} is looking for {1} — your introduction mentions “{2}”. Introduce you?",
        "{0} さんが「{1}」を探しています。あなたの自己紹介に「{2}」とあったので、お声がけしました。{0} さんに紹介してもよいですか？");
    public static readonly LocalizedText CandidateAskedByProfile = new(
        "{0} is looking for {1} — your introduction suggests you could help. Introduce you?",
        "{0} さんが「{1}」を探しています。あなたの自己紹介から力になれそうだと考えました。{0} さんに紹介してもよいですか？");
    public static readonly LocalizedText CandidateGiveFirst = new(
        "You just offered “{2}” — {0} is looking for {1}. Introduce you?",
        "「{2}」を登録してくれてありがとうございます。ちょうど {0} さんが「{1}」を探しています。紹介してもよいですか？");
    public static readonly LocalizedText CandidatePrivacy = new(
        "Only you received this. Say yes and you are both introduced in one message; say not now and {0} is never told.",
        "このメッセージはあなたにだけ届いています。「はい」なら 2 人をまとめてご紹介します。「今回は見送る」を選んでも {0} さんに伝わることはありません。");
    public static readonly LocalizedText FieldTheirPitch = new("{0}'s introduction", "{0} さんの自己紹介");
    public static readonly LocalizedText NoPitch = new("(no introduction yet)", "（自己紹介はまだありません）");
    public static readonly LocalizedText ButtonYes = new("Yes, introduce me", "はい、紹介してください");
    public static readonly LocalizedText ButtonNotNow = new("Not now", "今回は見送る");

    // The candidate's answer
    public static readonly LocalizedText AnswerYes = new(
        "Thank you! You and {0} are introduced in a group message.",
        "ありがとうございます！{0} さんとのグループメッセージでご紹介します。");
    public static readonly LocalizedText AnswerNotNow = new(
        "Understood — {0} won't be told. Thank you for answering.",
        "承知しました。{0} さんに伝わることはありません。お答えいただきありがとうございました。");
    public static readonly LocalizedText AnswerNotYours = new(
        "This request was not sent to you, so your answer changes nothing.",
        "この依頼はあなた宛てではないため、回答は反映されません。");
    public static readonly LocalizedText AnswerOver = new(
        "This request is over (answered, withdrawn or expired), so your answer changes nothing. Thank you all the same.",
        "この依頼はすでに終了しています（解決・取り下げ・期限切れ）。回答は反映されませんが、ありがとうございました。");
    public static readonly LocalizedText AnswerTooLate = new(
        "This request has moved on since it was sent to you, so your answer changes nothing. Thank you all the same.",
        "この依頼はその後ほかの方に回ったため、回答は反映されません。ありがとうございました。");

    // The introduction
    public static readonly LocalizedText IntroTitle = new("An introduction", "ご紹介");
    public static readonly LocalizedText IntroText = new(
        "{0}, meet {1}! {1} said yes to helping with what {0} is looking for. Say hello here and find a time to talk.",
        "{0} さん、{1} さんをご紹介します！{1} さんが {0} さんの依頼に応えてくれました。ここで挨拶をして、話す時間を決めましょう。");
    public static readonly LocalizedText FieldLookingFor = new("{0} is looking for", "{0} さんが探していること");
    public static readonly LocalizedText FieldOffers = new("{0} offers", "{0} さんが提供できること");
    public static readonly LocalizedText FieldMentions = new("From {0}'s introduction", "{0} さんの自己紹介から");

    // The scheduler's notes
    public static readonly LocalizedText ExpiredTitle = new("Your ask expired", "紹介依頼の期限が切れました");
    public static readonly LocalizedText ExpiredNote = new(
        "Your ask “{0}” (id `{1}`) ended after 14 days without an introduction. You can ask again with `/ask`, perhaps in other words.",
        "紹介依頼「{0}」（ID `{1}`）は、紹介に至らないまま 14 日の期限を迎えました。言葉を変えて `/ask` でもう一度依頼することもできます。");
    public static readonly LocalizedText FollowUp = new(
        "A week ago {0} were introduced. Did you connect?",
        "{0} をご紹介してから 1 週間が経ちました。お話しできましたか？");
    public static readonly LocalizedText ButtonConnected = new("Yes, we connected", "はい、話せました");
    public static readonly LocalizedText ButtonNotYet = new("Not yet", "まだです");

    // The follow-up's answers
    public static readonly LocalizedText ConnectedYes = new(
        "Wonderful — {0} is now among your connections (`/connections`).",
        "よかったです！{0} さんとのつながりを記録しました（`/connections`）。");
    public static readonly LocalizedText ConnectedAlready = new(
        "Your connection with {0} is already recorded (`/connections`).",
        "{0} さんとのつながりはすでに記録されています（`/connections`）。");
    public static readonly LocalizedText ConnectedNotYet = new(
        "No hurry — a short message is often all it takes.",
        "急がなくて大丈夫です。短いメッセージひとつで始まることもよくあります。");
    public static readonly LocalizedText ConnectedNotYours = new(
        "This question was for the two members introduced, so your answer changes nothing.",
        "この質問は紹介された 2 人へのものなので、回答は反映されません。");

    // /asks list, /asks cancel
    public static readonly LocalizedText ListTitle = new("Your asks", "あなたの紹介依頼");
    public static readonly LocalizedText ListNone = new(
        "You haven't asked for an introduction yet. `/ask <what you are looking for>` starts one.",
        "紹介依頼はまだありません。`/ask <探していること>` で依頼できます。");
    public static readonly LocalizedText StatusOpen = new("looking — expires {0}", "募集中（期限 {0}）");
    public static readonly LocalizedText StatusIntroduced = new("introduced to {0}", "{0} さんを紹介済み");
    public static readonly LocalizedText StatusConnected = new("introduced to {0} — connected", "{0} さんを紹介済み（つながり記録済み）");
    public static readonly LocalizedText StatusExpired = new("expired", "期限切れ");
    public static readonly LocalizedText StatusWithdrawn = new("withdrawn", "取り下げ済み");
    public static readonly LocalizedText CancelNotFound = new(
        "You have no ask `{0}`. `/asks list` shows yours.",
        "ID `{0}` の紹介依頼は見つかりません。`/asks list` で確認できます。");
    public static readonly LocalizedText CancelNotOpen = new("Your ask `{0}` is already over.", "紹介依頼 `{0}` はすでに終了しています。");
    public static readonly LocalizedText Cancelled = new("Withdrew your ask `{0}`. Nobody else will be asked.", "紹介依頼 `{0}` を取り下げました。これ以上どなたにもお願いしません。");

    // /offer
    public static readonly LocalizedText OfferEmpty = new(
        "Write what you can help with, e.g. `/offer fintech compliance`.",
        "力になれることを書いてください。例: `/offer フィンテックのコンプライアンス`");
    public static readonly LocalizedText OfferAdded = new("Added “{0}” to your offers.", "提供できることに「{0}」を追加しました。");
    public static readonly LocalizedText OfferAlready = new("“{0}” is already among your offers.", "「{0}」はすでに提供できることに入っています。");
    public static readonly LocalizedText OfferTooMany = new(
        "You already have {0} offers, the most an introduction holds. Change them with `/intro set offers:…`.",
        "提供できることはすでに上限の {0} 件です。`/intro set offers:…` で書き換えてください。");
    public static readonly LocalizedText OfferAnswers = new(
        "Someone is looking for just that: check your private messages.",
        "ちょうどそれを探している方がいます。個別メッセージをご確認ください。");
    public static readonly LocalizedText OfferClosed = new(
        "You don't take intro requests, so no asks were checked (`/intro set open-to-intros:yes` turns them on).",
        "紹介の依頼を停止中のため、依頼との照合はしていません（`/intro set open-to-intros:yes` で再開）。");

    // /admin asks stats and /admin setup
    public static readonly LocalizedText StatsTitle = new("Introductions", "紹介");
    public static readonly LocalizedText StatsLast30Days = new("Last 30 days", "直近 30 日");
    public static readonly LocalizedText StatsAllTime = new("All time", "これまで");
    public static readonly LocalizedText StatsLine = new(
        "{0} asks · {1} accepted · {2} connected",
        "依頼 {0} 件・承諾 {1} 件・つながり {2} 件");
    public static readonly LocalizedText SetupIntroRequests = new("Intro requests per member", "紹介の依頼（1 人あたり）");
    public static readonly LocalizedText SetupIntroRequestsValue = new("at most {0} a week", "週 {0} 回まで");
    public static readonly LocalizedText SetupOpenAsks = new("Open asks per member", "同時に出せる紹介依頼");
}

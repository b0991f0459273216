using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Privacy;

/// <summary>
/// A plain-language description, in English and Japanese, of every table and field of <see cref="Storage.ExportFormat"/>,
/// written into a member's export so they can read it without the format's documentation. A test checks that every table
/// and field has one, so a field added to the format cannot reach members undescribed.
/// </summary>
public static class ExportDescriptions
{
    private static readonly LocalizedText Version = new(
        "How many times the row was changed (used to detect simultaneous changes)",
        "行が変更された回数（同時の変更を検出するためのもの）");

    private static readonly LocalizedText Member = new("A member's platform user id", "メンバーのプラットフォーム上のユーザー ID");

    public static IReadOnlyDictionary<string, ExportTableDescription> Tables { get; } = new Dictionary<string, ExportTableDescription>(StringComparer.Ordinal)
    {
        ["community"] = Table(
            "The community (server or workspace) and its settings", "コミュニティ（サーバーまたはワークスペース）とその設定",
            ("name", new("Its name", "名前")),
            ("language", new("Its default language", "既定の言語")),
            ("timeZone", new("Its default time zone", "既定のタイムゾーン")),
            ("introChannel", new("Where introductions are posted", "自己紹介を投稿するチャンネル")),
            ("coffeeChannel", new("Where coffee groups are started", "コーヒーチャットのグループを作るチャンネル")),
            ("announcementChannel", new("Where events are announced", "イベントを告知するチャンネル")),
            ("managerRole", new("The role whose members are managers", "管理者とみなすロール")),
            ("managers", new("The members named as managers", "管理者として登録されたメンバー")),
            ("createdAt", new("When NetworkBot first saw it", "NetworkBot が最初に認識した日時")),
            ("retentionDays", new("Days the data of a member who left is kept", "退会したメンバーのデータを保存する日数"))),
        ["coffeeSchedule"] = Table(
            "When coffee rounds take place", "コーヒーチャットの回の予定",
            ("cadence", new("How often rounds run", "回の頻度")),
            ("intervalWeeks", new("Weeks between rounds", "回と回の間の週数")),
            ("weekOfMonth", new("Which week of the month, for monthly rounds", "毎月の場合の第何週か")),
            ("weekday", new("The day of the week", "曜日")),
            ("time", new("The time of day", "時刻")),
            ("timeZone", new("The time zone of that time", "その時刻のタイムゾーン")),
            ("startsOn", new("The first day rounds may run", "最初に回を実施できる日")),
            ("groupSize", new("People per group", "1 グループの人数")),
            ("mode", new("What matching favours", "マッチングで重視すること")),
            ("cooldownRounds", new("Rounds before the same people meet again", "同じ人と再びマッチングするまでの回数")),
            ("channel", new("Where the groups are started", "グループを作るチャンネル")),
            ("active", new("Whether rounds are scheduled", "回が予定されているか")),
            ("noticeSentFor", new("The round the advance notice was sent for", "事前のお知らせを送った回")),
            ("lastRoundFor", new("The last scheduled round started", "最後に開始した予定の回")),
            ("version", Version)),
        ["members"] = Table(
            "You as a member: your introduction and coffee-chat settings", "メンバーとしてのあなた：自己紹介とコーヒーチャットの設定",
            ("memberId", new("Your platform user id", "あなたのプラットフォーム上のユーザー ID")),
            ("displayName", new("Your name as the platform showed it", "プラットフォーム上の表示名")),
            ("pitch", new("Your short self-introduction", "短い自己紹介")),
            ("role", new("Your role or job", "役割・職種")),
            ("industry", new("Your industry", "業界")),
            ("offers", new("What you can offer", "提供できること")),
            ("seeks", new("What you are looking for", "探していること")),
            ("interests", new("Your interests", "興味・関心")),
            ("timeZone", new("Your time zone", "タイムゾーン")),
            ("language", new("Your language", "言語")),
            ("coffeeJoined", new("Whether you take part in coffee chats", "コーヒーチャットに参加しているか")),
            ("coffeePausedUntil", new("The day your pause ends", "休止が終わる日")),
            ("coffeeSkipNext", new("Whether you skip the next round", "次の回を休むか")),
            ("joinedAt", new("When NetworkBot first saw you", "NetworkBot が最初にあなたを認識した日時")),
            ("missedRounds", new("Recent rounds in a row you did not answer", "続けて回答しなかった最近の回の数")),
            ("version", Version),
            ("leftAt", new("When you left the server or workspace, if you did", "サーバーまたはワークスペースを離れた日時（離れた場合）"))),
        ["blocks"] = Table(
            "Members you asked never to be matched with (they are not told)", "マッチングしないよう指定したメンバー（相手には通知されません）",
            ("blockerId", new("You", "あなた")),
            ("blockedId", new("The member you blocked", "ブロックしたメンバー"))),
        ["pairWishes"] = Table(
            "People you asked to be paired with after an event", "イベントの後にマッチングを希望した相手",
            ("memberId", new("You", "あなた")),
            ("otherId", new("The member you wished to meet", "会いたいと希望したメンバー")),
            ("wishedAt", new("When you asked", "希望した日時"))),
        ["interests"] = Table(
            "The interest groups you joined", "参加している興味グループ",
            ("interestId", new("The group's id", "グループの ID")),
            ("name", new("Its name", "名前")),
            ("description", new("Its description", "説明")),
            ("archived", new("Whether it is archived", "アーカイブされているか")),
            ("roleRef", new("The platform role bound to it", "結び付けられたロール")),
            ("channelRef", new("The platform channel bound to it", "結び付けられたチャンネル")),
            ("createdAt", new("When it was created", "作成日時")),
            ("spacePending", new("Whether its role or channel is still being made", "ロールやチャンネルを作成中か"))),
        ["interestMembers"] = Table(
            "Your membership of interest groups", "興味グループへの参加",
            ("interestId", new("The group", "グループ")),
            ("memberId", new("You", "あなた"))),
        ["rounds"] = Table(
            "The coffee rounds you were matched in", "あなたがマッチングされたコーヒーチャットの回",
            ("roundId", new("The round's id", "回の ID")),
            ("startedAt", new("When it started", "開始日時")),
            ("groupSize", new("People per group", "1 グループの人数")),
            ("mode", new("What matching favoured", "マッチングで重視したこと")),
            ("seed", new("The random seed of the matching (to reproduce it)", "マッチングの乱数シード（再現用）")),
            ("endsAt", new("When it ends", "終了日時")),
            ("nudgedAt", new("When groups were reminded to meet", "グループに会うよう促した日時")),
            ("checkInAt", new("When “did you meet?” was asked", "「会えましたか？」を尋ねた日時")),
            ("reaskedAt", new("When it was asked again", "もう一度尋ねた日時")),
            ("closedAt", new("When it was closed", "締め切った日時")),
            ("version", Version)),
        ["roundGroups"] = Table(
            "Your groups in those rounds", "それらの回でのあなたのグループ",
            ("groupId", new("The group's id", "グループの ID")),
            ("roundId", new("Its round", "その回")),
            ("position", new("Its place in the round", "回の中での順番")),
            ("outcome", new("Whether the group met", "グループが会えたか")),
            ("version", Version)),
        ["groupMembers"] = Table(
            "Who was in your groups (others by id; their names are under \"names\")", "グループのメンバー（他の人は ID のみ。名前は \"names\" にあります）",
            ("groupId", new("The group", "グループ")),
            ("memberId", Member),
            ("position", new("Their place in the group", "グループ内の順番"))),
        ["groupAnswers"] = Table(
            "Your answers to “did you meet?”", "「会えましたか？」へのあなたの回答",
            ("groupId", new("The group", "グループ")),
            ("memberId", new("You", "あなた")),
            ("answer", new("Your answer", "回答")),
            ("answeredAt", new("When you answered", "回答した日時"))),
        ["connections"] = Table(
            "The people you met and confirmed", "会えたことを確認した相手とのつながり",
            ("memberA", Member),
            ("memberB", Member),
            ("since", new("Since when", "つながった日時"))),
        ["events"] = Table(
            "The events you answered, attended or created", "回答・出席・作成したイベント",
            ("eventId", new("The event's id", "イベントの ID")),
            ("title", new("Its title", "タイトル")),
            ("description", new("Its description", "説明")),
            ("startAt", new("When it starts", "開始日時")),
            ("durationTicks", new("How long it lasts (in 100-nanosecond ticks)", "所要時間（100 ナノ秒単位）")),
            ("timeZone", new("Its time zone", "タイムゾーン")),
            ("place", new("Where it takes place", "場所")),
            ("capacity", new("How many can attend", "定員")),
            ("cancelled", new("Whether it is cancelled", "中止されたか")),
            ("repeatCadence", new("How often it repeats", "繰り返しの頻度")),
            ("repeatIntervalWeeks", new("Weeks between repeats", "繰り返しの間隔（週）")),
            ("repeatWeekOfMonth", new("Which week of the month it repeats in", "繰り返す月の第何週か")),
            ("reminders", new("When reminders are sent", "リマインダーを送る時期")),
            ("remindMaybe", new("Whether “maybe” answers are reminded too", "「たぶん」と答えた人にもリマインドするか")),
            ("channel", new("Where it was announced", "告知したチャンネル")),
            ("mentionRole", new("The role mentioned in the announcement", "告知でメンションしたロール")),
            ("createdBy", new("Who created it", "作成した人")),
            ("createdAt", new("When it was created", "作成日時")),
            ("sequence", new("How many times it was changed (for calendars)", "変更回数（カレンダー用）")),
            ("remindedFor", new("The occurrence reminders were last sent for", "最後にリマインドした回")),
            ("finished", new("Whether it is over", "終了したか")),
            ("icebreaker", new("Whether attendees are introduced afterwards", "終了後に参加者同士を紹介するか")),
            ("icebreakerFor", new("The occurrence attendees were last introduced for", "最後に参加者を紹介した回")),
            ("platformRef", new("The platform's scheduled event", "プラットフォーム上のイベント")),
            ("version", Version)),
        ["rsvps"] = Table(
            "Your answers to events", "イベントへのあなたの回答",
            ("eventId", new("The event", "イベント")),
            ("memberId", new("You", "あなた")),
            ("status", new("Going, maybe, not going or waitlisted", "参加・たぶん・不参加・キャンセル待ち")),
            ("answeredAt", new("When you answered", "回答した日時")),
            ("waitlistPosition", new("Your place on the waitlist", "キャンセル待ちの順番")),
            ("fromPlatform", new("Whether you answered on the platform's own event", "プラットフォームのイベント機能で回答したか"))),
        ["eventAttendees"] = Table(
            "The event occurrences you attended", "出席したイベントの回",
            ("eventId", new("The event", "イベント")),
            ("occurrence", new("When the occurrence started", "その回の開始日時")),
            ("memberId", new("You", "あなた"))),
        ["eventConnects"] = Table(
            "“Connect” presses between you and others after events", "イベント後の「つながる」ボタンの記録",
            ("eventId", new("The event", "イベント")),
            ("fromMember", new("Who pressed", "押した人")),
            ("toMember", new("Whom they wanted to connect with", "つながりたい相手")),
            ("pressedAt", new("When", "押した日時"))),
        ["outbox"] = Table(
            "Messages to you NetworkBot has sent or is about to send", "NetworkBot があなたに送った、または送る予定のメッセージ",
            ("createdAt", new("When it was written", "作成日時")),
            ("key", new("Its unique key", "一意のキー")),
            ("target", new("Where it goes", "宛先")),
            ("reply", new("The message", "メッセージの内容")),
            ("dueAt", new("When it is due", "送信予定日時")),
            ("attempts", new("Delivery attempts so far", "これまでの送信試行回数")),
            ("lastError", new("Why the last attempt failed", "最後の試行が失敗した理由")),
            ("deliveredAt", new("When it was delivered", "送信日時")),
            ("messageRef", new("The platform's message", "プラットフォーム上のメッセージ")),
            ("progress", new("What a delivery already did (so a retry does not repeat it)", "送信処理の進み具合（再試行で重複しないためのもの）"))),
    };

    private static ExportTableDescription Table(string en, string ja, params (string Name, LocalizedText Text)[] fields) =>
        new(new(en, ja), fields.ToDictionary(f => f.Name, f => f.Text, StringComparer.Ordinal));
}

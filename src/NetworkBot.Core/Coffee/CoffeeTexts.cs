using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Coffee;

/// <summary>The texts of coffee chats: <c>/coffee</c>, the rounds (group introduction, nudges, the "did you meet?" answers, the summary) and <c>/admin coffee</c>. English and Japanese, numbered alike (see <see cref="Messages"/>).</summary>
public static class CoffeeTexts
{
    // /coffee
    public static readonly LocalizedText CoffeeJoined = new(
        "You're in! You'll be matched with a few members in the next coffee round.",
        "参加しました！次のコーヒーチャットで数人のメンバーとマッチングされます。");
    public static readonly LocalizedText CoffeeResumed = new(
        "Welcome back: your pause is over and you'll be matched in the next round.",
        "おかえりなさい。休止を解除しました。次の回からマッチングされます。");
    public static readonly LocalizedText CoffeeAlreadyJoined = new(
        "You're already taking part in coffee chats.",
        "すでにコーヒーチャットに参加しています。");
    public static readonly LocalizedText CoffeeLeft = new(
        "You've left coffee chats. `/coffee join` brings you back any time.",
        "コーヒーチャットをやめました。`/coffee join` でいつでも戻れます。");
    public static readonly LocalizedText CoffeeNotJoined = new(
        "You're not taking part in coffee chats. `/coffee join` to start.",
        "コーヒーチャットに参加していません。`/coffee join` で参加できます。");
    public static readonly LocalizedText CoffeePaused = new(
        "Paused. You won't be matched before {0}.",
        "休止しました。{0} まではマッチングされません。");
    public static readonly LocalizedText CoffeePauseNotFuture = new(
        "`until` must be after today ({0}).",
        "`until` には今日（{0}）より後の日付を指定してください。");
    public static readonly LocalizedText CoffeePauseTooFar = new(
        "`until` can be at most one year ahead ({0}). Use `/coffee leave` for longer breaks.",
        "`until` は一年以内（{0}まで）にしてください。長く休む場合は `/coffee leave` を使ってください。");
    public static readonly LocalizedText CoffeeSkipping = new(
        "You'll skip the next round and be matched again after it.",
        "次の回はお休みし、その次からまたマッチングされます。");
    public static readonly LocalizedText CoffeeAlreadySkipping = new(
        "You're already skipping the next round.",
        "次の回はすでにお休みに設定されています。");
    public static readonly LocalizedText CoffeeStatusTitle = new("Coffee chats", "コーヒーチャット");
    public static readonly LocalizedText CoffeeStatusActive = new("Taking part: you'll be matched in the next round.", "参加中: 次の回でマッチングされます。");
    public static readonly LocalizedText CoffeeStatusSkipping = new("Taking part, skipping the next round.", "参加中（次の回はお休み）。");
    public static readonly LocalizedText CoffeeStatusPaused = new("Paused until {0}.", "{0} まで休止中。");
    public static readonly LocalizedText CoffeeStatusPausedIndefinitely = new(
        "Paused (recent rounds went unanswered, or you left the server). `/coffee join` brings you back.",
        "一時停止中です（最近の回に回答がなかったか、サーバーを離れたため）。`/coffee join` で再開できます。");
    public static readonly LocalizedText CoffeeStatusOut = new("Not taking part.", "参加していません。");
    public static readonly LocalizedText CoffeeStatusRounds = new("Rounds so far", "これまでの回数");
    public static readonly LocalizedText CoffeeStatusBlocks = new("Members you blocked", "ブロック中のメンバー");
    public static readonly LocalizedText ButtonSkip = new("Skip next round", "次の回を休む");
    public static readonly LocalizedText CoffeeHistoryEmpty = new(
        "You haven't been in a coffee round yet.",
        "まだコーヒーチャットの回に参加したことがありません。");
    public static readonly LocalizedText CoffeeHistoryTitle = new("Your coffee chats", "あなたのコーヒーチャット");
    public static readonly LocalizedText CoffeeHistoryLine = new("{0}: {1}", "{0}: {1}");
    public static readonly LocalizedText OutcomeMet = new("met", "会えた");
    public static readonly LocalizedText OutcomeNotYet = new("not yet", "まだ");
    public static readonly LocalizedText OutcomeDidNotMeet = new("did not meet", "会えなかった");
    public static readonly LocalizedText CoffeeBlockSelf = new(
        "You can't block yourself.",
        "自分自身はブロックできません。");
    public static readonly LocalizedText CoffeeBlocked = new(
        "You won't be matched with {0}. They are not told.",
        "{0} さんとはマッチングされません。相手には通知されません。");
    public static readonly LocalizedText CoffeeAlreadyBlocked = new(
        "You already blocked {0}.",
        "{0} さんはすでにブロックしています。");
    public static readonly LocalizedText CoffeeUnblocked = new(
        "{0} can be matched with you again.",
        "{0} さんとのマッチングを再開しました。");
    public static readonly LocalizedText CoffeeNotBlocked = new(
        "You haven't blocked {0}.",
        "{0} さんはブロックしていません。");
    public static readonly LocalizedText CoffeeNoBlocks = new(
        "You haven't blocked anyone.",
        "ブロックしているメンバーはいません。");
    public static readonly LocalizedText CoffeeBlocksList = new(
        "Members you blocked (only you can see this): {0}",
        "ブロック中のメンバー（あなたにだけ表示）: {0}");
    public static readonly LocalizedText CoffeeUnblockPlaceholder = new("Unblock a member", "ブロックを解除するメンバー");

    // Coffee rounds
    public static readonly LocalizedText RoundGroupTitle = new("Your coffee chat this round", "今回のコーヒーチャット");
    public static readonly LocalizedText RoundGroupIntro = new(
        "Hi {0} — you're this round's coffee group! Find a time for a 30-minute chat before the next round. Here is who everyone is:",
        "{0}、今回のコーヒーチャットのメンバーです！次の回までに30分ほど話せる時間を決めましょう。メンバーの紹介:");
    public static readonly LocalizedText RoundWhyTitle = new("Why you were matched", "この組み合わせの理由");
    public static readonly LocalizedText RoundWhySharedInterests = new("You share: {0}", "共通の興味: {0}");
    public static readonly LocalizedText RoundWhyIndustries = new("Different industries: {0}", "異なる業界: {0}");
    public static readonly LocalizedText RoundWhyOfferSeek = new(
        "{0} can offer “{1}”, which {2} is looking for",
        "{0} さんは「{1}」を提供でき、{2} さんがそれを求めています");
    public static readonly LocalizedText RoundWhyNew = new("You haven't met before: a fresh connection.", "まだ会ったことのない相手です。新しいつながりです。");
    public static readonly LocalizedText RoundStartersTitle = new("Conversation starters", "話のきっかけ");
    public static readonly LocalizedText RoundTimesTitle = new("Times in everyone's working hours", "全員の勤務時間内の候補");
    public static readonly LocalizedText RoundNoCommonTime = new(
        "Your working hours don't overlap this week: an early or late call, or a few messages here, work too.",
        "今週は全員の勤務時間が重なりません。早朝・夜の通話や、ここでのメッセージのやり取りでも大丈夫です。");
    public static readonly LocalizedText RoundLateJoiner = new(
        "Welcome to the group, {0}! You've just joined this round's coffee chat — everyone, say hello and find a time that suits all of you.",
        "{0} さん、ようこそ！このグループのコーヒーチャットに加わりました。みなさんで挨拶して、全員の都合のよい時間を決めましょう！");
    public static readonly LocalizedText CoffeeJoinedLate = new(
        "You're in! This round has already started, so you've been added to a group with {0}.",
        "参加しました！今回の回はすでに始まっているので、{0}のグループに加わりました。");
    public static readonly LocalizedText RoundNotice = new(
        "Coffee chats: you'll be matched on {0}. Want to skip this one?",
        "コーヒーチャット: {0} にマッチングします。今回はお休みしますか？");
    public static readonly LocalizedText RoundNudge = new(
        "A gentle nudge: have you found a time for your coffee chat yet? Any of the suggested times works.",
        "コーヒーチャットの日程は決まりましたか？提案した候補の時間でも大丈夫です。");
    public static readonly LocalizedText RoundCheckIn = new("Did you meet?", "会えましたか？");
    public static readonly LocalizedText RoundReask = new(
        "Did you manage to meet in the end?",
        "その後、会えましたか？");
    public static readonly LocalizedText ButtonMet = new("Yes, we met", "会えた");
    public static readonly LocalizedText ButtonNotYet = new("Not yet", "まだ");
    public static readonly LocalizedText ButtonDidNotMeet = new("No", "会えなかった");
    public static readonly LocalizedText AnswerMet = new(
        "Wonderful! You're now connected with {0}. `/connections` shows your network.",
        "よかったです！{0}とつながりました。`/connections` で一覧を見られます。");
    public static readonly LocalizedText AnswerNotYet = new(
        "No problem, I'll ask again in a few days.",
        "了解です。数日後にもう一度お聞きします。");
    public static readonly LocalizedText AnswerDidNotMeet = new(
        "Thanks for letting me know. You'll get a new match next round.",
        "教えてくれてありがとうございます。次の回で新しい相手とマッチングします。");
    public static readonly LocalizedText AnswerNotYourGroup = new(
        "This question was for another group.",
        "この質問は別のグループ向けです。");
    public static readonly LocalizedText AnswerRoundOver = new(
        "That round is over. Watch for the next one!",
        "この回は終了しました。次の回をお楽しみに！");
    public static readonly LocalizedText PausedForSilence = new(
        "You didn't answer the last {0} coffee rounds, so your coffee chats are paused. `/coffee join` brings you back any time.",
        "直近{0}回のコーヒーチャットに回答がなかったため、参加を一時停止しました。`/coffee join` でいつでも再開できます。");
    public static readonly LocalizedText RoundSummary = new(
        "Coffee round of {0} is over: {1} members in {2} groups; {3} groups met ({4}%); {5} new connections; cross-industry groups {6}%. Paused for not answering: {7}.",
        "{0} のコーヒーチャットが終了しました: 参加{1}人・{2}グループ、会えたグループ{3}（{4}%）、新しいつながり{5}件、異業種のグループ{6}%。未回答のため一時停止: {7}。");
    public static readonly LocalizedText Nobody = new("nobody", "なし");
    public static readonly LocalizedText RoundNotPossible = new(
        "The coffee round of {0} could not be made: {1}",
        "{0} のコーヒーチャットを組めませんでした: {1}");
    public static readonly LocalizedText PairingTooFew = new(
        "only {0} members are available, fewer than the group size {1}. Invite more members or use `/admin coffee schedule group-size:2`.",
        "参加可能なメンバーが{0}人で、グループの人数{1}に足りません。メンバーを招待するか `/admin coffee schedule group-size:2` を使ってください。");
    public static readonly LocalizedText PairingUnsplittable = new(
        "{0} members cannot be split into groups of {1} without leaving someone out. Try a smaller group size.",
        "{0}人をグループ{1}人ずつに分けると余りが出ます。グループの人数を小さくしてください。");
    public static readonly LocalizedText PairingBlocked = new(
        "the members' blocks leave no possible grouping ({0}).",
        "ブロックの設定により組み合わせが作れません（{0}）。");

    // /admin coffee
    public static readonly LocalizedText ScheduleTitle = new("Coffee rounds", "コーヒーチャットの予定");
    public static readonly LocalizedText ScheduleSaved = new("Saved the schedule.", "予定を保存しました。");
    public static readonly LocalizedText ScheduleNone = new(
        "No coffee rounds are scheduled. Set them with `/admin coffee schedule weekday:mon time:10:00`.",
        "コーヒーチャットの予定はありません。`/admin coffee schedule weekday:mon time:10:00` で設定できます。");
    public static readonly LocalizedText ScheduleCancelled = new(
        "Coffee rounds are cancelled. Members keep their settings; schedule again any time.",
        "コーヒーチャットの予定を取り消しました。メンバーの設定はそのままです。いつでも再設定できます。");
    public static readonly LocalizedText ScheduleCadenceWeekly = new("Every {0} week(s) on {1} at {2} ({3})", "{0}週ごと {1} {2}（{3}）");
    public static readonly LocalizedText ScheduleCadenceMonthly = new("Monthly, {0} {1} at {2} ({3})", "毎月 {0}{1} {2}（{3}）");
    public static readonly LocalizedText ScheduleGroups = new("Groups", "グループ");
    public static readonly LocalizedText ScheduleGroupsValue = new("{0} people, {1} mode, no repeats within {2} rounds", "{0}人、{1}モード、{2}回以内の再会なし");
    public static readonly LocalizedText ScheduleNext = new("Next rounds", "次の回");
    public static readonly LocalizedText ScheduleChannel = new("Channel", "チャンネル");
    public static readonly LocalizedText PreviewTitle = new("Preview of the next round (nothing is sent)", "次の回のプレビュー（送信されません）");
    public static readonly LocalizedText PreviewStats = new(
        "{0} members, {1} groups, {2} repeat pairs, cross-industry {3}%, shared interests {4}%, seed {5}",
        "参加{0}人、{1}グループ、再会ペア{2}、異業種{3}%、共通の興味{4}%、シード{5}");
    public static readonly LocalizedText RunNowStarted = new(
        "Round started: {0} members in {1} groups. The group messages are on their way (seed {2}).",
        "回を開始しました: 参加{0}人・{1}グループ。グループへのメッセージを送信します（シード{2}）。");
    public static readonly LocalizedText StatsTitle = new("Recent coffee rounds", "最近のコーヒーチャット");
    public static readonly LocalizedText StatsNone = new("No rounds yet.", "まだ回がありません。");
    public static readonly LocalizedText StatsLine = new(
        "{0} members, {1} groups, met {2}%",
        "参加{0}人、{1}グループ、会えた{2}%");
}

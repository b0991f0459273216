using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Events;

/// <summary>The texts of events: announcements, answers, reminders, changes, the calendar and the follow-up; an event's counterpart on the platform (a Discord scheduled event).</summary>
public static class EventTexts
{
    // The announcement card (in the community's language: it is public).
    public static readonly LocalizedText EventWhen = new("When", "日時");
    public static readonly LocalizedText EventWhere = new("Where", "場所");
    public static readonly LocalizedText EventLength = new("Length", "所要時間");
    public static readonly LocalizedText EventLengthValue = new("{0} min", "{0}分");
    public static readonly LocalizedText EventGoing = new("Going", "参加");
    public static readonly LocalizedText EventMaybe = new("Maybe", "未定");
    public static readonly LocalizedText EventWaitlist = new("Waitlist", "キャンセル待ち");
    public static readonly LocalizedText EventRepeats = new("Repeats", "繰り返し");
    public static readonly LocalizedText EventCancelledTitle = new("Cancelled: {0}", "中止: {0}");
    public static readonly LocalizedText RepeatWeekly = new("Every {0} week(s)", "{0}週間ごと");
    public static readonly LocalizedText RepeatMonthly = new("Monthly, in week {0} of the month", "毎月第{0}週");
    public static readonly LocalizedText RepeatMonthlyLast = new("Monthly, in the last week of the month", "毎月最終週");
    public static readonly LocalizedText ButtonGoing = new("Going", "参加する");
    public static readonly LocalizedText ButtonMaybe = new("Maybe", "たぶん");
    public static readonly LocalizedText ButtonNotGoing = new("Not going", "参加しない");
    public static readonly LocalizedText ButtonAddToCalendar = new("Add to calendar", "カレンダーに追加");

    // Managers.
    public static readonly LocalizedText EventFormTitle = new("New event", "新しいイベント");
    public static readonly LocalizedText EventFormName = new("Title", "タイトル");
    public static readonly LocalizedText EventFormDate = new("Date (yyyy-mm-dd)", "日付（yyyy-mm-dd）");
    public static readonly LocalizedText EventFormTime = new("Start time (HH:mm)", "開始時刻（HH:mm）");
    public static readonly LocalizedText EventFormDuration = new("Length (90m, 2h, 1h30m…)", "所要時間（90分、2時間、1時間30分など）");
    public static readonly LocalizedText EventFormPlace = new("Place or URL", "場所またはURL");
    public static readonly LocalizedText EventCreateNeeds = new(
        "To create an event, give at least `title`, `date` and `time`.",
        "イベントを作成するには、少なくとも `title`、`date`、`time` を指定してください。");
    public static readonly LocalizedText EventInPast = new(
        "The start ({0}) is not in the future.",
        "開始日時（{0}）が過去になっています。");
    public static readonly LocalizedText EventBadReminders = new(
        "`reminders` must look like 24h,1h or 30m (or 1日,1時間, 1h30m): at most 5, each from 1 minute to 30 days.",
        "`reminders` は 24h,1h や 30m（1日,1時間 や 1時間30分 も可）のように指定してください（最大5個、各1分〜30日）。");
    public static readonly LocalizedText EventCreated = new(
        "Created {0} (id `{1}`); it is announced in #{2}.",
        "{0} を作成しました（ID `{1}`）。#{2} で告知します。");
    public static readonly LocalizedText EventCreatedUnannounced = new(
        "Created {0} (id `{1}`). It was not announced: set an announcement channel with `/admin setup announcement-channel` or the event's `channel`.",
        "{0} を作成しました（ID `{1}`）。告知チャンネルがないため告知していません。`/admin setup announcement-channel` かイベントの `channel` で設定してください。");
    public static readonly LocalizedText EventNotFound = new(
        "There is no event “{0}”. `/events list` shows the upcoming ones.",
        "「{0}」というイベントはありません。`/events list` で今後のイベントを確認できます。");
    public static readonly LocalizedText EventAmbiguous = new(
        "Several events match “{0}”; use the id.",
        "「{0}」に当てはまるイベントが複数あります。ID で指定してください。");
    public static readonly LocalizedText EventNoChanges = new(
        "Nothing to change: give at least one option besides `event`.",
        "変更する内容がありません。`event` 以外のオプションを指定してください。");
    public static readonly LocalizedText EventEdited = new(
        "Saved the changes to {0}; {1} member(s) who answered will be told.",
        "{0} の変更を保存しました。回答した{1}人に知らせます。");
    public static readonly LocalizedText EventCancelled = new(
        "Cancelled {0}; {1} member(s) who answered will be told.",
        "{0} を中止しました。回答した{1}人に知らせます。");
    public static readonly LocalizedText EventAlreadyCancelled = new("{0} is already cancelled.", "{0} はすでに中止されています。");
    public static readonly LocalizedText EventsAdminTitle = new("Events", "イベント");
    public static readonly LocalizedText EventsAdminLine = new(
        "id `{0}` · {1} · going {2}, maybe {3}, waitlist {4}",
        "ID `{0}` · {1} · 参加 {2}、未定 {3}、キャンセル待ち {4}");
    public static readonly LocalizedText EventFeedShown = new(
        "Calendar feed of this community (add it to any calendar app; whoever has the link sees the events): {0}",
        "このコミュニティのカレンダーフィード（カレンダーアプリに追加できます。リンクを知っている人は誰でもイベントを見られます）: {0}");
    public static readonly LocalizedText EventFeedRotated = new(
        "New calendar feed link: {0} — the old link no longer works.",
        "新しいカレンダーフィードのリンク: {0}（以前のリンクは使えなくなりました）");
    public static readonly LocalizedText EventFeedOff = new(
        "The calendar feed is off; no link works.",
        "カレンダーフィードを停止しました。どのリンクも使えません。");

    // Members.
    public static readonly LocalizedText EventsNone = new("No upcoming events.", "今後のイベントはありません。");
    public static readonly LocalizedText EventsTitle = new("Upcoming events", "今後のイベント");
    public static readonly LocalizedText EventsLine = new("{0} · going {1} · id `{2}`", "{0} · 参加 {1}人 · ID `{2}`");
    public static readonly LocalizedText EventsMineTitle = new("Your events", "あなたのイベント");
    public static readonly LocalizedText EventsMineNone = new("You haven't answered any upcoming event.", "回答済みの今後のイベントはありません。");
    public static readonly LocalizedText EventsMineLine = new("{0} · {1} · id `{2}`", "{0} · {1} · イベントID `{2}`");
    public static readonly LocalizedText StatusGoing = new("going", "参加");
    public static readonly LocalizedText StatusMaybe = new("maybe", "未定");
    public static readonly LocalizedText StatusNotGoing = new("not going", "不参加");
    public static readonly LocalizedText StatusWaitlisted = new("on the waitlist", "キャンセル待ち");
    public static readonly LocalizedText EventClosed = new(
        "{0} is cancelled or over; answers are closed.",
        "{0} は中止または終了したため、回答できません。");
    public static readonly LocalizedText EventWaitlisted = new(
        "{0} is full, so you're on its waitlist. You'll be told when a place opens up for you.",
        "{0} は満員のため、キャンセル待ちになりました。空きが出たらお知らせします。");
    public static readonly LocalizedText EventIcsReady = new(
        "{0} for your calendar: open the attached file.",
        "{0} のカレンダー用ファイルです。添付ファイルを開いてください。");
    public static readonly LocalizedText EventPromoted = new(
        "A place opened up: you're now going to {0} ({1}).",
        "空きが出ました。{0}（{1}）に参加できます。");
    public static readonly LocalizedText EventReminder = new(
        "Reminder: {0} starts {1} ({2}).",
        "リマインダー: {0} は{1}に始まります（{2}）。");
    public static readonly LocalizedText EventChangedNotice = new(
        "{0} was changed. It is now {1}.",
        "{0} が変更されました。新しい日時: {1}");
    public static readonly LocalizedText EventCancelledNotice = new(
        "{0} ({1}) is cancelled.",
        "{0}（{1}）は中止になりました。");

    // Before the event.
    public static readonly LocalizedText EventIcebreakerTitle = new("Before {0}: your icebreaker group", "{0} の前に: アイスブレイクのグループ");
    public static readonly LocalizedText EventIcebreakerIntro = new(
        "Hi {0} — you're all going to {1}, which starts {2}. Say hello to each other now, so you already know someone when you arrive. Here is who everyone is:",
        "{0}、{1} は{2}に始まります。当日知り合いがいるように、今のうちにお互いに挨拶しておきましょう。メンバーの紹介:");

    // After the event.
    public static readonly LocalizedText EventFollowUp = new(
        "Thanks for coming to {0}! Here is who was there. Press “connect” for people you talked with: when they press it for you too, you're connected.",
        "{0} へのご参加ありがとうございました！参加者を紹介します。話した人の「つながる」を押してください。相手も押すとつながりになります。");
    public static readonly LocalizedText EventFollowUpNobody = new(
        "Thanks for coming to {0}!",
        "{0} へのご参加ありがとうございました！");
    public static readonly LocalizedText ButtonConnect = new("Connect: {0}", "つながる: {0}");
    public static readonly LocalizedText ButtonPairMe = new("Pair me with attendees I didn't meet", "話せなかった参加者とマッチング");
    public static readonly LocalizedText EventNotAttendee = new(
        "Only people who went to {0} can do that.",
        "{0} の参加者だけが使えます。");
    public static readonly LocalizedText EventConnectWaiting = new(
        "Noted. When {0} presses “connect” for you too, you'll be connected.",
        "記録しました。{0} さんもあなたの「つながる」を押すと、つながりになります。");
    public static readonly LocalizedText EventConnected = new("You and {0} are now connected.", "{0} さんとつながりました。");
    public static readonly LocalizedText EventPairMeSaved = new(
        "The next coffee round will try to pair you with {0} attendee(s) you haven't met yet.",
        "次のコーヒーチャットでは、まだ話していない参加者{0}人との組み合わせを優先します。");


    // The event's counterpart on the platform (a Discord scheduled event).
    public static readonly LocalizedText ManagerPlatformEventPermission = new(
        "I couldn't show or change the event {0} in the server's event list: NetworkBot lacks the permission. Give NetworkBot the Create Events and Manage Events permissions in Server Settings → Roles. The next edit of {0}, or its next occurrence, then shows it there; if {0} was cancelled, cancel it in the event list by hand.",
        "サーバーのイベント一覧でイベント {0} を表示・変更できませんでした。NetworkBot に権限がありません。サーバー設定 → ロール で NetworkBot に「イベントの作成」と「イベントの管理」の権限を与えてください。その後 {0} を編集するか次回の開催になるとイベント一覧に表示されます。{0} を中止した場合は、イベント一覧から手動で中止してください。");
}

using NetworkBot.Core.Admin;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Events;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Introductions;
using NetworkBot.Core.Privacy;

namespace NetworkBot.Core.Commands;

/// <summary>
/// Every command NetworkBot understands, declared once. Discord registration, Slack's <c>/network …</c>
/// parsing, the Slack manifest, <c>/help</c> and the shell all derive from this table. Each feature declares its
/// options once, typed, next to its handlers (<see cref="IntroOptions"/>, <see cref="EventOptions"/>…); the table lists
/// them and the handlers read their values through the same declarations.
/// </summary>
public static class CommandTable
{
    public static IReadOnlyList<CommandSpec> All { get; } =
    [
        new("help", new("Show what you can do with NetworkBot", "NetworkBot でできることを表示"), []),

        new("intro set", new("Write or update your self-introduction", "自己紹介を書く・更新する"),
            [IntroOptions.Pitch, IntroOptions.Role, IntroOptions.Industry, IntroOptions.Offers, IntroOptions.Seeks, IntroOptions.Interests, IntroOptions.TimeZone, IntroOptions.Language, IntroOptions.OpenToIntros]),
        new("intro show", new("Show your introduction or another member's", "自分または他のメンバーの自己紹介を表示"),
            [IntroOptions.Member]),
        new("intro post", new("Post your introduction to the intro channel", "自己紹介を紹介チャンネルに投稿"), []),

        new("coffee join", new("Join coffee chats (or come back from a pause)", "コーヒーチャットに参加（休止から復帰）"), []),
        new("coffee leave", new("Stop taking part in coffee chats", "コーヒーチャットをやめる"), []),
        new("coffee pause", new("Pause coffee chats until a date", "指定日までコーヒーチャットを休止"),
            [CoffeeOptions.Until]),
        new("coffee skip", new("Skip the next round only", "次の回だけ休む"), []),
        new("coffee status", new("Your coffee-chat status", "コーヒーチャットの参加状況"), []),
        new("coffee history", new("The people you were matched with", "これまでのマッチング相手"), []),
        new("coffee block", new("Never match me with this member (they are not told)", "このメンバーとはマッチングしない（相手には通知されません）"), [CoffeeOptions.Blocked]),
        new("coffee unblock", new("Allow matching with a member you blocked", "ブロックしたメンバーとのマッチングを再開"),
            [CoffeeOptions.Unblocked]),

        new("coffee met", new("Answer “did you meet?”", "「会えましたか？」に答える"),
            [CoffeeOptions.Group, CoffeeOptions.Answer]) { Hidden = true },
        new("ask", new("Ask to be introduced to a member who can help (they agree first)", "力になれるメンバーへの紹介を依頼（相手の同意が先）"), [AskOptions.Request]),
        new("asks list", new("Your asks and where they stand", "あなたの紹介依頼とその状況"), []),
        new("asks cancel", new("Withdraw one of your asks", "紹介依頼を取り下げる"), [AskOptions.Ask]),
        new("asks answer", new("Answer “introduce you?”", "「紹介してもよいですか？」に答える"), [AskOptions.Ask, AskOptions.Answer]) { Hidden = true },
        new("asks connected", new("Answer “did you connect?”", "「つながれましたか？」に答える"), [AskOptions.Ask, AskOptions.Connected]) { Hidden = true },
        new("offer", new("Offer what you can help with; someone's open ask may need it", "力になれることを登録（募集中の依頼に合えばお知らせ）"), [AskOptions.Offer]),
        new("connections", new("The people you met, and who to reconnect with", "会えた人とのつながりと、再会のおすすめ"), []),

        new("privacy export", new("Everything NetworkBot keeps about you, as a file in your DMs", "NetworkBot が保存しているあなたのデータをすべて DM にファイルで送る"), [])
            { StoresNewCaller = false },
        new("privacy delete", new("Delete everything NetworkBot keeps about you", "NetworkBot が保存しているあなたのデータをすべて削除"), [PrivacyOptions.Confirm])
            { StoresNewCaller = false },

        new("interests list", new("Browse the interest groups", "興味グループの一覧"), []),
        new("interests join", new("Join an interest group", "興味グループに参加"), [InterestOptions.Name]),
        new("interests leave", new("Leave an interest group", "興味グループから抜ける"), [InterestOptions.Name]),
        new("interests find", new("Find members by interest", "興味からメンバーを探す"), [InterestOptions.Name]),

        new("events list", new("Upcoming events", "今後のイベント"), []),
        new("events mine", new("Events you answered", "回答したイベント"), []),
        new("events show", new("An event with its answer buttons", "イベントの詳細と回答ボタン"), [EventOptions.Event]),
        new("events ics", new("An event as a calendar file (.ics)", "イベントのカレンダーファイル（.ics）"), [EventOptions.Event]),
        new("events rsvp", new("Answer an event: going, maybe, not going", "イベントに回答（参加・たぶん・不参加）"),
            [EventOptions.Event, EventOptions.Status]) { Hidden = true },
        new("events connect", new("Connect with someone you met at an event", "イベントで会った人とつながる"), [EventOptions.Event, EventOptions.Attendee]) { Hidden = true },
        new("events pair-me", new("Be paired with attendees you didn't meet", "話せなかった参加者とマッチング"), [EventOptions.Event]) { Hidden = true },

        new("admin setup", new("Community settings: language, time zone, channels, managers, retention", "コミュニティ設定（言語・タイムゾーン・チャンネル・管理者・保存期間）"),
        [
            SetupOptions.Language, SetupOptions.TimeZone, SetupOptions.IntroChannel, SetupOptions.CoffeeChannel, SetupOptions.AnnouncementChannel,
            SetupOptions.ManagerRole, SetupOptions.AddManager, SetupOptions.RemoveManager, SetupOptions.RetentionDays,
            SetupOptions.IntroRequestsPerWeek, SetupOptions.OpenAsks,
        ]) { ManagerOnly = true },
        new("admin coffee schedule", new("Schedule coffee rounds", "コーヒーチャットの予定を設定"),
        [
            CoffeeScheduleOptions.Weekday, CoffeeScheduleOptions.Time, CoffeeScheduleOptions.Cadence, CoffeeScheduleOptions.TimeZone,
            CoffeeScheduleOptions.GroupSize, CoffeeScheduleOptions.Mode, CoffeeScheduleOptions.Cooldown, CoffeeScheduleOptions.Channel,
        ]) { ManagerOnly = true },
        new("admin coffee preview", new("Show the next round without sending anything", "次の回を送信せずに確認"), []) { ManagerOnly = true },
        new("admin coffee run-now", new("Start a round now", "今すぐ回を開始"), []) { ManagerOnly = true },
        new("admin coffee cancel", new("Cancel the scheduled rounds", "予定されている回を取り消す"), []) { ManagerOnly = true },
        new("admin coffee stats", new("Statistics of the recent rounds", "最近の回の統計"), []) { ManagerOnly = true },
        new("admin asks stats", new("Introductions: asks, accepted, connected", "紹介の統計（依頼・承諾・つながり）"), []) { ManagerOnly = true },
        new("admin interests create", new("Create an interest group", "興味グループを作成"),
            [InterestOptions.Name with { Suggest = Suggestions.None }, InterestOptions.Description]) { ManagerOnly = true },
        new("admin events create", new("Create an event (a form when no options are given)", "イベントを作成（オプションなしでフォーム）"), EventOptions.Fields) { ManagerOnly = true },
        new("admin events edit", new("Change an event; everyone who answered is told", "イベントを変更（回答者に通知）"), [EventOptions.Event, .. EventOptions.Fields]) { ManagerOnly = true },
        new("admin events cancel", new("Cancel an event; everyone who answered is told", "イベントを中止（回答者に通知）"), [EventOptions.Event]) { ManagerOnly = true },
        new("admin events list", new("The events with their answers", "イベントと回答状況の一覧"), []) { ManagerOnly = true },
        new("admin events feed", new("The community's calendar feed link: show, rotate or turn off", "カレンダーフィードのリンクを表示・更新・停止"),
            [EventOptions.FeedAction]) { ManagerOnly = true },
        new("admin interests archive", new("Archive an interest group", "興味グループをアーカイブ"), [InterestOptions.Name]) { ManagerOnly = true },
        new("admin privacy delete", new("Delete everything kept about a member, on their request", "メンバーの依頼でそのデータをすべて削除"),
            [PrivacyOptions.Member, PrivacyOptions.Confirm]) { ManagerOnly = true },
        new("admin dashboard", new("A sign-in link to the web dashboard, for you only (10 minutes, once)", "Web ダッシュボードへのサインイン用リンク（本人のみ・10 分間・1 回）"), []) { ManagerOnly = true },
    ];

    private static readonly Dictionary<string, CommandSpec> ByPath = All.ToDictionary(c => c.Path, StringComparer.Ordinal);

    public static CommandSpec? Find(string path) => ByPath.GetValueOrDefault(path);

    /// <summary>True when <paramref name="prefix"/> is the start of at least one command path (<c>coffee</c>, <c>admin interests</c>).</summary>
    public static bool IsGroup(string prefix) => All.Any(c => c.Path.StartsWith(prefix + " ", StringComparison.Ordinal));

    /// <summary>The commands directly or indirectly below a group, for "did you mean" answers.</summary>
    public static IEnumerable<CommandSpec> Under(string prefix) =>
        All.Where(c => c.Path.StartsWith(prefix + " ", StringComparison.Ordinal) && !c.Hidden);
}

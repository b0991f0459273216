using NetworkBot.Core.Domain;
using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Commands;

/// <summary>
/// Every command NetworkBot understands, declared once. Discord registration, Slack's <c>/network …</c>
/// parsing, the Slack manifest, <c>/help</c> and the shell all derive from this table.
/// </summary>
public static class CommandTable
{
    private static readonly OptionSpec MemberOption = new("member", OptionKind.Member, new("The member", "メンバー")) { Required = true, Suggest = Suggestions.Members };
    private static readonly OptionSpec InterestName = new("name", OptionKind.Text, new("Name of the interest group", "興味グループの名前")) { Required = true, MaxLength = 50, Suggest = Suggestions.Interests };

    private static readonly OptionSpec EventOption = new("event", OptionKind.Text, new("The event (its id or title)", "イベント（ID またはタイトル）")) { Required = true };

    /// <summary>What a manager can set on an event; the same options create and edit it.</summary>
    private static readonly OptionSpec[] EventFields =
    [
        new("title", OptionKind.Text, new("Title of the event", "イベントのタイトル")),
        new("date", OptionKind.Date, new("Day of the event (yyyy-mm-dd)", "開催日（yyyy-mm-dd）")) { MaxLength = 10 },
        new("time", OptionKind.Time, new("Start time, e.g. 19:00", "開始時刻（例: 19:00）")) { MaxLength = 5 },
        new("timezone", OptionKind.TimeZone, new("Time zone of date and time (the community's when empty)", "日時のタイムゾーン（省略時はコミュニティの設定）")) { MaxLength = 64, Suggest = Suggestions.TimeZones },
        new("duration", OptionKind.Duration, new("Length, e.g. 90m, 2h or 1h30m (1h when empty)", "所要時間（例: 90分、2時間、1h30m。省略時は1時間）")) { Min = 5, Max = 1440, MaxLength = 20 },
        new("place", OptionKind.Text, new("Place or URL", "場所またはURL")) { MaxLength = 200 },
        new("description", OptionKind.Text, new("What it is about", "イベントの説明")) { MaxLength = 1000 },
        new("capacity", OptionKind.Integer, new("Places; a waitlist after that (no limit when empty)", "定員。超えるとキャンセル待ち（省略時は無制限）")) { Min = 1, Max = 10000 },
        new("repeat", OptionKind.Choice, new("How it repeats (once when empty)", "繰り返し（省略時は1回のみ）"))
        {
            Choices = ["once", "weekly", "every-2-weeks", "every-3-weeks", "every-4-weeks", "monthly"],
        },
        new("reminders", OptionKind.List, new("Reminders before the start, e.g. 24h,1h (the default)", "開始前のリマインダー（例・既定: 24h,1h）")) { MaxLength = 60 },
        new("remind-maybe", OptionKind.Choice, new("Remind “maybe” answers too", "「たぶん」の人にもリマインド")) { Choices = ["yes", "no"] },
        new("icebreaker", OptionKind.Choice, new("Pair the “going” members a day before", "前日に参加者同士をペアにする")) { Choices = ["yes", "no"] },
        new("channel", OptionKind.Channel, new("Where to announce (the announcement channel when empty)", "告知するチャンネル（省略時は告知チャンネル）")),
        new("mention", OptionKind.Role, new("A role to mention in the announcement", "告知でメンションするロール")),
    ];

    public static IReadOnlyList<CommandSpec> All { get; } =
    [
        new("help", new("Show what you can do with NetworkBot", "NetworkBot でできることを表示"), []),

        new("intro set", new("Write or update your self-introduction", "自己紹介を書く・更新する"),
        [
            new("pitch", OptionKind.Text, new("Your 15-second introduction", "15秒の自己紹介")) { MaxLength = 280 },
            new("role", OptionKind.Text, new("What you do (job title)", "職種・肩書き")) { MaxLength = 100 },
            new("industry", OptionKind.Text, new("Your industry", "業界")) { MaxLength = 60 },
            new("offers", OptionKind.List, new("What you can offer others, comma-separated", "提供できること（カンマ区切り）")) { MaxLength = 500 },
            new("seeks", OptionKind.List, new("What you are looking for, comma-separated", "求めていること（カンマ区切り）")) { MaxLength = 500 },
            new("interests", OptionKind.List, new("Your interests, comma-separated", "興味・関心（カンマ区切り）")) { MaxLength = 500 },
            new("timezone", OptionKind.TimeZone, new("Your time zone, e.g. Asia/Tokyo", "タイムゾーン（例: Asia/Tokyo）")) { MaxLength = 64, Suggest = Suggestions.TimeZones },
            new("language", OptionKind.Language, new("The language NetworkBot uses with you", "NetworkBot があなたに使う言語")) { Choices = ["en", "ja"] },
        ]),
        new("intro show", new("Show your introduction or another member's", "自分または他のメンバーの自己紹介を表示"),
            [MemberOption with { Required = false, Description = new("The member (you when empty)", "メンバー（省略時は自分）") }]),
        new("intro post", new("Post your introduction to the intro channel", "自己紹介を紹介チャンネルに投稿"), []),

        new("coffee join", new("Join coffee chats (or come back from a pause)", "コーヒーチャットに参加（休止から復帰）"), []),
        new("coffee leave", new("Stop taking part in coffee chats", "コーヒーチャットをやめる"), []),
        new("coffee pause", new("Pause coffee chats until a date", "指定日までコーヒーチャットを休止"),
            [new("until", OptionKind.Date, new("First day you want to be matched again (yyyy-mm-dd)", "再開する日（yyyy-mm-dd）")) { Required = true, MaxLength = 10 }]),
        new("coffee skip", new("Skip the next round only", "次の回だけ休む"), []),
        new("coffee status", new("Your coffee-chat status", "コーヒーチャットの参加状況"), []),
        new("coffee history", new("The people you were matched with", "これまでのマッチング相手"), []),
        new("coffee block", new("Never match me with this member (they are not told)", "このメンバーとはマッチングしない（相手には通知されません）"), [MemberOption]),
        new("coffee unblock", new("Allow matching with a member you blocked", "ブロックしたメンバーとのマッチングを再開"),
            [MemberOption with { Required = false, Description = new("The member (a list of your blocks when empty)", "メンバー（省略時はブロック一覧）") }]),

        new("coffee met", new("Answer “did you meet?”", "「会えましたか？」に答える"),
        [
            new("group", OptionKind.Text, new("The group asked", "対象のグループ")) { Required = true },
            new("answer", OptionKind.Choice, new("yes, not-yet or no", "yes / not-yet / no")) { Required = true, Choices = ["yes", "not-yet", "no"] },
        ]) { Hidden = true },
        new("connections", new("The people you met, and who to reconnect with", "会えた人とのつながりと、再会のおすすめ"), []),

        new("interests list", new("Browse the interest groups", "興味グループの一覧"), []),
        new("interests join", new("Join an interest group", "興味グループに参加"), [InterestName]),
        new("interests leave", new("Leave an interest group", "興味グループから抜ける"), [InterestName]),
        new("interests find", new("Find members by interest", "興味からメンバーを探す"), [InterestName]),

        new("events list", new("Upcoming events", "今後のイベント"), []),
        new("events mine", new("Events you answered", "回答したイベント"), []),
        new("events show", new("An event with its answer buttons", "イベントの詳細と回答ボタン"), [EventOption]),
        new("events ics", new("An event as a calendar file (.ics)", "イベントのカレンダーファイル（.ics）"), [EventOption]),
        new("events rsvp", new("Answer an event: going, maybe, not going", "イベントに回答（参加・たぶん・不参加）"),
        [
            EventOption,
            new("status", OptionKind.Choice, new("going, maybe or not-going", "going / maybe / not-going")) { Required = true, Choices = ["going", "maybe", "not-going"] },
        ]) { Hidden = true },
        new("events connect", new("Connect with someone you met at an event", "イベントで会った人とつながる"), [EventOption, MemberOption]) { Hidden = true },
        new("events pair-me", new("Be paired with attendees you didn't meet", "話せなかった参加者とマッチング"), [EventOption]) { Hidden = true },

        new("admin setup", new("Community settings: language, time zone, channels, managers", "コミュニティ設定（言語・タイムゾーン・チャンネル・管理者）"),
        [
            new("language", OptionKind.Language, new("Default language of the community", "コミュニティの既定の言語")) { Choices = ["en", "ja"] },
            new("timezone", OptionKind.TimeZone, new("Default time zone, e.g. Asia/Tokyo", "既定のタイムゾーン（例: Asia/Tokyo）")) { MaxLength = 64, Suggest = Suggestions.TimeZones },
            new("intro-channel", OptionKind.Channel, new("Where introductions are posted", "自己紹介を投稿するチャンネル")),
            new("coffee-channel", OptionKind.Channel, new("Where coffee groups are started", "コーヒーチャットのグループを作るチャンネル")),
            new("announcement-channel", OptionKind.Channel, new("Where events are announced", "イベントを告知するチャンネル")),
            new("manager-role", OptionKind.Role, new("Members with this role are managers", "このロールを持つメンバーを管理者にする")),
            new("add-manager", OptionKind.Member, new("Make a member a manager", "メンバーを管理者にする")) { Suggest = Suggestions.Members },
            new("remove-manager", OptionKind.Member, new("Remove a member from the managers", "メンバーを管理者から外す")) { Suggest = Suggestions.Members },
        ]) { ManagerOnly = true },
        new("admin coffee schedule", new("Schedule coffee rounds", "コーヒーチャットの予定を設定"),
        [
            new("weekday", OptionKind.Choice, new("Day of the round", "実施する曜日")) { Required = true, Choices = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] },
            new("time", OptionKind.Time, new("Local time of the round, e.g. 10:00", "実施する時刻（例: 10:00）")) { Required = true, MaxLength = 5 },
            new("cadence", OptionKind.Choice, new("How often (weekly when empty)", "頻度（省略時は毎週）"))
            {
                Choices = ["weekly", "every-2-weeks", "every-3-weeks", "every-4-weeks", "monthly-1st", "monthly-2nd", "monthly-3rd", "monthly-4th", "monthly-last"],
            },
            new("timezone", OptionKind.TimeZone, new("Time zone of the time (the community's when empty)", "時刻のタイムゾーン（省略時はコミュニティの設定）")) { MaxLength = 64, Suggest = Suggestions.TimeZones },
            new("group-size", OptionKind.Integer, new("People per group, 2 to 8 (2 when empty)", "1グループの人数 2〜8（省略時は2）")) { Min = 2, Max = 8 },
            new("mode", OptionKind.Choice, new("What to favour beyond new faces", "新しい出会い以外に重視すること")) { Choices = PairingModeNames.All },
            new("cooldown", OptionKind.Integer, new("Rounds before two people can meet again (12 when empty)", "同じ相手と再会するまでの回数（省略時は12）")) { Min = 0, Max = 52 },
            new("channel", OptionKind.Channel, new("Where groups start (the coffee channel when empty)", "グループを作るチャンネル（省略時はコーヒーチャンネル）")),
        ]) { ManagerOnly = true },
        new("admin coffee preview", new("Show the next round without sending anything", "次の回を送信せずに確認"), []) { ManagerOnly = true },
        new("admin coffee run-now", new("Start a round now", "今すぐ回を開始"), []) { ManagerOnly = true },
        new("admin coffee cancel", new("Cancel the scheduled rounds", "予定されている回を取り消す"), []) { ManagerOnly = true },
        new("admin coffee stats", new("Statistics of the recent rounds", "最近の回の統計"), []) { ManagerOnly = true },
        new("admin interests create", new("Create an interest group", "興味グループを作成"),
        [
            InterestName with { Suggest = Suggestions.None },
            new("description", OptionKind.Text, new("What the group is about", "グループの説明")) { MaxLength = 200 },
        ]) { ManagerOnly = true },
        new("admin events create", new("Create an event (a form when no options are given)", "イベントを作成（オプションなしでフォーム）"), EventFields) { ManagerOnly = true },
        new("admin events edit", new("Change an event; everyone who answered is told", "イベントを変更（回答者に通知）"), [EventOption, .. EventFields]) { ManagerOnly = true },
        new("admin events cancel", new("Cancel an event; everyone who answered is told", "イベントを中止（回答者に通知）"), [EventOption]) { ManagerOnly = true },
        new("admin events list", new("The events with their answers", "イベントと回答状況の一覧"), []) { ManagerOnly = true },
        new("admin events feed", new("The community's calendar feed link: show, rotate or turn off", "カレンダーフィードのリンクを表示・更新・停止"),
            [new("action", OptionKind.Choice, new("show (default), rotate or off", "show（既定）/ rotate / off")) { Choices = ["show", "rotate", "off"] }]) { ManagerOnly = true },
        new("admin interests archive", new("Archive an interest group", "興味グループをアーカイブ"), [InterestName]) { ManagerOnly = true },
    ];

    private static readonly Dictionary<string, CommandSpec> ByPath = All.ToDictionary(c => c.Path, StringComparer.Ordinal);

    public static CommandSpec? Find(string path) => ByPath.GetValueOrDefault(path);

    /// <summary>True when <paramref name="prefix"/> is the start of at least one command path (<c>coffee</c>, <c>admin interests</c>).</summary>
    public static bool IsGroup(string prefix) => All.Any(c => c.Path.StartsWith(prefix + " ", StringComparison.Ordinal));

    /// <summary>The commands directly or indirectly below a group, for "did you mean" answers.</summary>
    public static IEnumerable<CommandSpec> Under(string prefix) =>
        All.Where(c => c.Path.StartsWith(prefix + " ", StringComparison.Ordinal) && !c.Hidden);
}

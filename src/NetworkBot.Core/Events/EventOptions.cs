using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Events;

/// <summary>The options of <c>/events</c> and <c>/admin events</c>, as <see cref="CommandTable"/> lists them and the event handlers read them.</summary>
public static class EventOptions
{
    /// <summary>The event a command is about: its id or a title only one event has (<see cref="EventReference"/>).</summary>
    public static readonly RequiredOption<string> Event = new("event", OptionKind.Text, new("The event (its id or title)", "イベント（ID またはタイトル）"));

    public static readonly RequiredOption<string> Status = new("status", OptionKind.Choice, new("going, maybe or not-going", "going / maybe / not-going")) { Choices = ["going", "maybe", "not-going"] };

    /// <summary>The attendee <c>/events connect</c> connects the caller with.</summary>
    public static readonly RequiredOption<Member> Attendee = new("member", OptionKind.Member, new("The member", "メンバー")) { Suggest = Suggestions.Members };

    public static readonly Option<string?> Title = new("title", OptionKind.Text, new("Title of the event", "イベントのタイトル"));
    public static readonly Option<DateOnly?> Date = new("date", OptionKind.Date, new("Day of the event (yyyy-mm-dd)", "開催日（yyyy-mm-dd）")) { MaxLength = 10 };
    public static readonly Option<TimeOnly?> Time = new("time", OptionKind.Time, new("Start time, e.g. 19:00", "開始時刻（例: 19:00）")) { MaxLength = 5 };
    public static readonly Option<string?> TimeZone = new("timezone", OptionKind.TimeZone, new("Time zone of date and time (the community's when empty)", "日時のタイムゾーン（省略時はコミュニティの設定）")) { MaxLength = 64, Suggest = Suggestions.TimeZones };
    public static readonly Option<TimeSpan?> Duration = new("duration", OptionKind.Duration, new("Length, e.g. 90m, 2h or 1h30m (1h when empty)", "所要時間（例: 90分、2時間、1h30m。省略時は1時間）")) { Min = 5, Max = 1440, MaxLength = 20 };
    public static readonly Option<string?> Place = new("place", OptionKind.Text, new("Place or URL", "場所またはURL")) { MaxLength = 200 };
    public static readonly Option<string?> Description = new("description", OptionKind.Text, new("What it is about", "イベントの説明")) { MaxLength = 1000 };
    public static readonly Option<long?> Capacity = new("capacity", OptionKind.Integer, new("Places; a waitlist after that (no limit when empty)", "定員。超えるとキャンセル待ち（省略時は無制限）")) { Min = 1, Max = 10000 };

    public static readonly Option<string?> Repeat = new("repeat", OptionKind.Choice, new("How it repeats (once when empty)", "繰り返し（省略時は1回のみ）"))
    {
        Choices = ["once", "weekly", "every-2-weeks", "every-3-weeks", "every-4-weeks", "monthly"],
    };

    public static readonly Option<IReadOnlyList<string>?> Reminders = new("reminders", OptionKind.List, new("Reminders before the start, e.g. 24h,1h (the default)", "開始前のリマインダー（例・既定: 24h,1h）")) { MaxLength = 60 };
    public static readonly Option<string?> RemindMaybe = new("remind-maybe", OptionKind.Choice, new("Remind “maybe” answers too", "「たぶん」の人にもリマインド")) { Choices = ["yes", "no"] };
    public static readonly Option<string?> Icebreaker = new("icebreaker", OptionKind.Choice, new("Pair the “going” members a day before", "前日に参加者同士をペアにする")) { Choices = ["yes", "no"] };
    public static readonly Option<string?> Channel = new("channel", OptionKind.Channel, new("Where to announce (the announcement channel when empty)", "告知するチャンネル（省略時は告知チャンネル）"));
    public static readonly Option<string?> Mention = new("mention", OptionKind.Role, new("A role to mention in the announcement", "告知でメンションするロール"));

    /// <summary>What <c>/admin events feed</c> does with the calendar feed link.</summary>
    public static readonly Option<string?> FeedAction = new("action", OptionKind.Choice, new("show (default), rotate or off", "show（既定）/ rotate / off")) { Choices = ["show", "rotate", "off"] };

    /// <summary>What a manager can set on an event; the same options create and edit it.</summary>
    public static readonly IReadOnlyList<OptionSpec> Fields =
        [Title, Date, Time, TimeZone, Duration, Place, Description, Capacity, Repeat, Reminders, RemindMaybe, Icebreaker, Channel, Mention];
}

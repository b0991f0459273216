using NetworkBot.Core.Commands;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Core.Coffee;

/// <summary>The options of <c>/admin coffee schedule</c>, as <see cref="CommandTable"/> lists them and <see cref="CoffeeAdminCommands"/> reads them.</summary>
public static class CoffeeScheduleOptions
{
    public static readonly RequiredOption<string> Weekday = new("weekday", OptionKind.Choice, new("Day of the round", "実施する曜日")) { Choices = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] };
    public static readonly RequiredOption<TimeOnly> Time = new("time", OptionKind.Time, new("Local time of the round, e.g. 10:00", "実施する時刻（例: 10:00）")) { MaxLength = 5 };

    public static readonly Option<string?> Cadence = new("cadence", OptionKind.Choice, new("How often (weekly when empty)", "頻度（省略時は毎週）"))
    {
        Choices = ["weekly", "every-2-weeks", "every-3-weeks", "every-4-weeks", "monthly-1st", "monthly-2nd", "monthly-3rd", "monthly-4th", "monthly-last"],
    };

    public static readonly Option<string?> TimeZone = new("timezone", OptionKind.TimeZone, new("Time zone of the time (the community's when empty)", "時刻のタイムゾーン（省略時はコミュニティの設定）")) { MaxLength = 64, Suggest = Suggestions.TimeZones };
    public static readonly Option<long?> GroupSize = new("group-size", OptionKind.Integer, new("People per group, 2 to 8 (2 when empty)", "1グループの人数 2〜8（省略時は2）")) { Min = 2, Max = 8 };
    public static readonly Option<string?> Mode = new("mode", OptionKind.Choice, new("What to favour beyond new faces", "新しい出会い以外に重視すること")) { Choices = PairingModeNames.All };
    public static readonly Option<long?> Cooldown = new("cooldown", OptionKind.Integer, new("Rounds before two people can meet again (12 when empty)", "同じ相手と再会するまでの回数（省略時は12）")) { Min = 0, Max = 52 };
    public static readonly Option<string?> Channel = new("channel", OptionKind.Channel, new("Where groups start (the coffee channel when empty)", "グループを作るチャンネル（省略時はコーヒーチャンネル）"));
}

using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Admin;

/// <summary>The options of <c>/admin setup</c>, as <see cref="CommandTable"/> lists them and <see cref="SetupCommands"/> reads them.</summary>
public static class SetupOptions
{
    public static readonly Option<Language?> Language = new("language", OptionKind.Language, new("Default language of the community", "コミュニティの既定の言語")) { Choices = ["en", "ja"] };
    public static readonly Option<string?> TimeZone = new("timezone", OptionKind.TimeZone, new("Default time zone, e.g. Asia/Tokyo", "既定のタイムゾーン（例: Asia/Tokyo）")) { MaxLength = 64, Suggest = Suggestions.TimeZones };
    public static readonly Option<string?> IntroChannel = new("intro-channel", OptionKind.Channel, new("Where introductions are posted", "自己紹介を投稿するチャンネル"));
    public static readonly Option<string?> CoffeeChannel = new("coffee-channel", OptionKind.Channel, new("Where coffee groups are started", "コーヒーチャットのグループを作るチャンネル"));
    public static readonly Option<string?> AnnouncementChannel = new("announcement-channel", OptionKind.Channel, new("Where events are announced", "イベントを告知するチャンネル"));
    public static readonly Option<string?> ManagerRole = new("manager-role", OptionKind.Role, new("Members with this role are managers", "このロールを持つメンバーを管理者にする"));
    public static readonly Option<Member?> AddManager = new("add-manager", OptionKind.Member, new("Make a member a manager", "メンバーを管理者にする")) { Suggest = Suggestions.Members };
    public static readonly Option<Member?> RemoveManager = new("remove-manager", OptionKind.Member, new("Remove a member from the managers", "メンバーを管理者から外す")) { Suggest = Suggestions.Members };

    /// <summary>Days a departed member's data is kept; at most ten years, since a longer period is no period at all.</summary>
    public static readonly Option<long?> RetentionDays = new("retention-days", OptionKind.Integer, new("Days data of members who left is kept (1–3650)", "退会したメンバーのデータを保存する日数（1〜3650）")) { Min = 1, Max = 3650 };

    /// <summary>How many times in 7 days a member may be asked to meet someone; 0 turns introductions on request off.</summary>
    public static readonly Option<long?> IntroRequestsPerWeek = new("intro-requests-per-week", OptionKind.Integer, new("Times a week a member may be asked for an introduction (0–14)", "1 人が 1 週間に紹介を頼まれる上限（0〜14）")) { Min = 0, Max = 14 };

    public static readonly Option<long?> OpenAsks = new("open-asks", OptionKind.Integer, new("Asks a member may have open at once (1–10)", "1 人が同時に出せる紹介依頼の数（1〜10）")) { Min = 1, Max = 10 };
}

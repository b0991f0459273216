using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Connections;

/// <summary>The texts of <c>/connections</c>: the people a member met, and who to reconnect with. English and Japanese, numbered alike (see <see cref="Messages"/>).</summary>
public static class ConnectionTexts
{
    // /connections
    public static readonly LocalizedText ConnectionsNone = new(
        "No confirmed connections yet. Answer “did you meet?” after your coffee chats to build your network.",
        "確認済みのつながりはまだありません。コーヒーチャットの後の「会えましたか？」に答えるとここに増えていきます。");
    public static readonly LocalizedText ConnectionsTitle = new("Your connections", "あなたのつながり");
    public static readonly LocalizedText ConnectionSince = new("since {0}", "{0} から");
    public static readonly LocalizedText ReconnectTitle = new("Reconnect?", "久しぶりに連絡してみませんか？");
    public static readonly LocalizedText ReconnectLine = new(
        "It's been a while since you met {0}. A short message keeps the tie alive.",
        "{0} さんと会ってからしばらく経ちました。短いメッセージでもつながりが続きます。");
}

namespace NetworkBot.Core.Texts;

/// <summary>Texts only the Discord adapter shows: around a file it sends to a member's direct messages.</summary>
public static partial class Messages
{
    public static readonly LocalizedText DiscordDirectFile = new(
        "Here is the file you asked for: {0}",
        "ご依頼のファイルです: {0}");

    public static readonly LocalizedText DiscordDirectFileDmsClosed = new(
        "Your direct messages are closed to this server, so I could not send {0} there. Here it is instead; only you can see this message, and Discord does not keep it, so save the file now.",
        "このサーバーからの DM を受け取らない設定になっているため、{0} を DM に送れませんでした。代わりにここに添付します。このメッセージはあなたにだけ表示され、Discord には残らないので、今すぐファイルを保存してください。");

    public static readonly LocalizedText DiscordDirectFileDmRefused = new(
        "Discord would not take {0} to your direct messages just now. Here it is instead; only you can see this message, and Discord does not keep it, so save the file now.",
        "Discord が今 {0} を DM に届けられなかったため、代わりにここに添付します。このメッセージはあなたにだけ表示され、Discord には残らないので、今すぐファイルを保存してください。");
}

namespace NetworkBot.Core.Texts;

/// <summary>Texts about an event's counterpart on the platform (a Discord scheduled event).</summary>
public static partial class Messages
{
    public static readonly LocalizedText PlatformEventNotPublishedPermission = new(
        "The event is saved in NetworkBot, but I couldn't show it in the server's event list: NetworkBot lacks the permission. Give NetworkBot the Create Events and Manage Events permissions, then edit {0} to try again.",
        "イベントは NetworkBot に保存しましたが、権限がないためサーバーのイベント一覧に表示できませんでした。NetworkBot に「イベントの作成」と「イベントの管理」の権限を与えてから、{0} を編集してもう一度お試しください。");
    public static readonly LocalizedText PlatformEventNotPublished = new(
        "The event is saved in NetworkBot, but I couldn't update the server's event list just now. Edit {0} again in a while to try once more.",
        "イベントは NetworkBot に保存しましたが、今はサーバーのイベント一覧を更新できませんでした。しばらくしてから {0} をもう一度編集してください。");
    public static readonly LocalizedText PlatformEventNotCancelled = new(
        "The event is cancelled in NetworkBot, but I couldn't cancel {0} in the server's event list; please cancel it there by hand.",
        "イベントは NetworkBot では中止しましたが、サーバーのイベント一覧の {0} を中止できませんでした。イベント一覧から手動で中止してください。");
    public static readonly LocalizedText ManagerPlatformEventPermission = new(
        "I couldn't show or change the event {0} in the server's event list: NetworkBot lacks the permission. Give NetworkBot the Create Events and Manage Events permissions in Server Settings → Roles. The next edit of {0}, or its next occurrence, then shows it there; if {0} was cancelled, cancel it in the event list by hand.",
        "サーバーのイベント一覧でイベント {0} を表示・変更できませんでした。NetworkBot に権限がありません。サーバー設定 → ロール で NetworkBot に「イベントの作成」と「イベントの管理」の権限を与えてください。その後 {0} を編集するか次回の開催になるとイベント一覧に表示されます。{0} を中止した場合は、イベント一覧から手動で中止してください。");
}

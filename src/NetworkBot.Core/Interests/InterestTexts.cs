using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Interests;

/// <summary>The texts of interest groups: <c>/interests</c> and the group's role and channel on the platform. English and Japanese, numbered alike (see <see cref="Messages"/>).</summary>
public static class InterestTexts
{
    // /interests
    public static readonly LocalizedText InterestsNone = new(
        "There are no interest groups yet. Managers create them with `/admin interests create`.",
        "興味グループはまだありません。管理者が `/admin interests create` で作成できます。");
    public static readonly LocalizedText InterestsTitle = new("Interest groups", "興味グループ");
    public static readonly LocalizedText InterestsMemberCount = new("{0} members", "{0}人");
    public static readonly LocalizedText InterestsJoinPlaceholder = new("Join a group", "参加するグループ");
    public static readonly LocalizedText InterestNotFound = new(
        "There is no interest group “{0}”. Groups: {1}.",
        "「{0}」という興味グループはありません。グループ: {1}。");
    public static readonly LocalizedText InterestNotFoundNoGroups = new(
        "There is no interest group “{0}”, and none exist yet.",
        "「{0}」という興味グループはありません（まだグループがありません）。");
    public static readonly LocalizedText InterestJoined = new("You joined {0}.", "{0} に参加しました。");
    public static readonly LocalizedText InterestAlreadyJoined = new("You're already in {0}.", "すでに {0} に参加しています。");
    public static readonly LocalizedText InterestLeft = new("You left {0}.", "{0} から抜けました。");
    public static readonly LocalizedText InterestNotMember = new("You're not in {0}.", "{0} には参加していません。");
    public static readonly LocalizedText InterestFindTitle = new("Members interested in {0}", "{0} に興味のあるメンバー");
    public static readonly LocalizedText InterestFindNone = new(
        "Nobody here has said they're interested in {0} yet.",
        "{0} に興味があるメンバーはまだいません。");
    public static readonly LocalizedText InterestCreated = new(
        "Created the interest group {0}. Members join with `/interests join {0}`.",
        "興味グループ {0} を作成しました。メンバーは `/interests join {0}` で参加できます。");
    public static readonly LocalizedText InterestRestored = new(
        "The archived group {0} is open again.",
        "アーカイブされていた {0} を再開しました。");
    public static readonly LocalizedText InterestExists = new(
        "An interest group called {0} already exists.",
        "{0} という興味グループはすでにあります。");
    public static readonly LocalizedText InterestArchived = new(
        "Archived {0}. Its members keep their history; it no longer appears in the list.",
        "{0} をアーカイブしました。一覧には表示されなくなります。");
    public static readonly LocalizedText InterestAlreadyArchived = new(
        "{0} is already archived.",
        "{0} はすでにアーカイブされています。");
    public static readonly LocalizedText InterestBadName = new(
        "A group name may not contain @, #, < or >.",
        "グループ名に @、#、<、> は使えません。");

    // Interest spaces: the group's role and channel on the platform.
    public static readonly LocalizedText InterestSpaceNotCreatedPermission = new(
        "I couldn't make the role and channel of {0} on the server, so for now the group exists in NetworkBot only. Give NetworkBot the Manage Roles and Manage Channels permissions and move the NetworkBot role above the interest roles in Server Settings → Roles, then archive {0} and create it again.",
        "サーバーに {0} のロールとチャンネルを作れなかったため、今のところグループは NetworkBot の中にだけあります。NetworkBot に「ロールの管理」と「チャンネルの管理」の権限を与え、サーバー設定 → ロール で NetworkBot のロールを興味グループのロールより上に移動してから、{0} をアーカイブしてもう一度作成してください。");
    public static readonly LocalizedText InterestSpacePending = new(
        "The role and channel of {0} are being set up on the server; I'll tell you when they're ready.",
        "サーバーに {0} のロールとチャンネルを用意しています。できあがったらお知らせします。");
    public static readonly LocalizedText InterestSpaceReady = new(
        "The role and channel of the interest group {0} are ready.",
        "興味グループ {0} のロールとチャンネルができました。");
    public static readonly LocalizedText InterestSpaceNotCreated = new(
        "I couldn't make the role and channel of {0} on the server just now, so for now the group exists in NetworkBot only. Archive {0} and create it again in a while to try once more.",
        "今はサーバーに {0} のロールとチャンネルを作れなかったため、グループは NetworkBot の中にだけあります。しばらくしてから {0} をアーカイブし、もう一度作成してください。");
    public static readonly LocalizedText InterestJoinedRolePending = new(
        "You joined {0}. You'll get its role in a moment.",
        "{0} に参加しました。ロールはまもなく付きます。");
    public static readonly LocalizedText InterestLeftRolePending = new(
        "You left {0}. Its role goes away in a moment.",
        "{0} から抜けました。ロールはまもなく外れます。");
    public static readonly LocalizedText InterestJoinedRoleFailed = new(
        "You joined {0} in NetworkBot, but I couldn't give you its role on this server, so you can't see its channel yet.",
        "NetworkBot では {0} に参加しましたが、このサーバーでロールを付けられなかったため、まだグループのチャンネルは見えません。");
    public static readonly LocalizedText InterestLeftRoleFailed = new(
        "You left {0} in NetworkBot, but I couldn't take its role away on this server.",
        "NetworkBot では {0} から抜けましたが、このサーバーでロールを外せませんでした。");
    public static readonly LocalizedText InterestSpaceManagersTold = new(
        "The managers have been told.",
        "管理者に連絡しました。");
    public static readonly LocalizedText InterestSpaceNoManagers = new(
        "No managers are set up for me to tell, so please let a server admin know.",
        "連絡できる管理者が設定されていないため、サーバーの管理者に伝えてください。");
    public static readonly LocalizedText ManagerRoleNotGiven = new(
        "I couldn't give {0} the role of the interest group {1}: NetworkBot lacks the Manage Roles permission, or its role is not above the interest roles. Give NetworkBot the Manage Roles permission and move the NetworkBot role above the interest roles in Server Settings → Roles. Then {0} can run `/interests join {1}` again to get the role.",
        "{0} さんに興味グループ {1} のロールを付けられませんでした。NetworkBot に「ロールの管理」権限がないか、NetworkBot のロールが興味グループのロールより上にありません。NetworkBot に「ロールの管理」権限を与え、サーバー設定 → ロール で NetworkBot のロールを興味グループのロールより上に移動してください。その後 {0} さんが `/interests join {1}` をもう一度実行すればロールが付きます。");
    public static readonly LocalizedText ManagerRoleNotRemoved = new(
        "I couldn't take the role of the interest group {1} away from {0}: NetworkBot lacks the Manage Roles permission, or its role is not above the interest roles. Give NetworkBot the Manage Roles permission and move the NetworkBot role above the interest roles in Server Settings → Roles. Then remove the role from {0} by hand, or {0} can run `/interests leave {1}` again.",
        "{0} さんから興味グループ {1} のロールを外せませんでした。NetworkBot に「ロールの管理」権限がないか、NetworkBot のロールが興味グループのロールより上にありません。NetworkBot に「ロールの管理」権限を与え、サーバー設定 → ロール で NetworkBot のロールを興味グループのロールより上に移動してください。その後、手動で {0} さんのロールを外すか、{0} さんが `/interests leave {1}` をもう一度実行してください。");
    public static readonly LocalizedText ManagerRoleMissing = new(
        "I couldn't change the role of the interest group {1} for {0}: the role, or {0}, is no longer on the server. Check in Server Settings → Roles that the role of {1} still exists.",
        "{0} さんの興味グループ {1} のロールを変更できませんでした。ロールか {0} さんがサーバーにもういません。サーバー設定 → ロール で {1} のロールが残っているか確認してください。");
}

namespace NetworkBot.Core.Texts;

/// <summary>
/// Every sentence the bot says, in English and Japanese. Format arguments are numbered the same in both
/// languages (a test checks it); user-supplied values are always arguments, never part of the format.
/// </summary>
public static partial class Messages
{
    // Errors of the command layer.
    public static readonly LocalizedText UnknownCommand = new(
        "I don't know the command `/{0}`. Type `/help` to see what you can use.",
        "`/{0}` というコマンドはありません。`/help` で使えるコマンドを確認できます。");
    public static readonly LocalizedText EmptyCommand = new(
        "Type a command, for example `/help`.",
        "コマンドを入力してください（例: `/help`）。");
    public static readonly LocalizedText NeedsSubcommand = new(
        "`/{0}` needs one more word: {1}.",
        "`/{0}` の後に続けて入力してください: {1}。");
    public static readonly LocalizedText UnknownOption = new(
        "`/{0}` has no option `{1}`. Its options: {2}.",
        "`/{0}` に `{1}` というオプションはありません。使えるオプション: {2}。");
    public static readonly LocalizedText NoOptions = new(
        "`/{0}` takes no options, but got “{1}”.",
        "`/{0}` はオプションを取りませんが、「{1}」が指定されました。");
    public static readonly LocalizedText TooManyValues = new(
        "`/{0}` got more values than it takes: “{1}”. Put quotes around text with spaces.",
        "`/{0}` に余分な値があります: 「{1}」。空白を含む文字列は引用符で囲んでください。");
    public static readonly LocalizedText DuplicateOption = new(
        "`{0}` was given twice.",
        "`{0}` が二回指定されています。");
    public static readonly LocalizedText UnclosedQuote = new(
        "A quote is not closed. Put the closing \" after the text.",
        "引用符が閉じられていません。文字列の後に \" を付けてください。");
    public static readonly LocalizedText MissingOption = new(
        "`{0}` is required.",
        "`{0}` を指定してください。");
    public static readonly LocalizedText TooLong = new(
        "`{0}` is too long: {1} characters, at most {2}.",
        "`{0}` が長すぎます（{1}文字、最大{2}文字）。");
    public static readonly LocalizedText ListTooLong = new(
        "`{0}` has too many items: {1}, at most {2}.",
        "`{0}` の項目が多すぎます（{1}個、最大{2}個）。");
    public static readonly LocalizedText ListItemTooLong = new(
        "An item of `{0}` is too long: at most {1} characters each.",
        "`{0}` の項目が長すぎます（各{1}文字まで）。");
    public static readonly LocalizedText NotAChoice = new(
        "`{0}` must be one of: {1}.",
        "`{0}` は次のいずれかにしてください: {1}。");
    public static readonly LocalizedText NotAnInteger = new(
        "`{0}` must be a whole number from {1} to {2}.",
        "`{0}` は{1}から{2}までの整数にしてください。");
    public static readonly LocalizedText NotADate = new(
        "`{0}` must be a date like 2026-12-31, not “{1}”.",
        "`{0}` は 2026-12-31 のような日付にしてください（「{1}」は日付ではありません）。");
    public static readonly LocalizedText NotADuration = new(
        "`{0}` must be a length from {1} to {2}, written like one of: {3}.",
        "`{0}` は{1}〜{2}の長さを、次のいずれかの形で指定してください: {3}。");
    public static readonly LocalizedText NotATime = new(
        "`{0}` must be a time like 10:00 or 18:30, not “{1}”.",
        "`{0}` は 10:00 や 18:30 のような時刻にしてください（「{1}」）。");
    public static readonly LocalizedText NotATimeZone = new(
        "“{0}” is not a time zone I know. Use a name like Asia/Tokyo, Europe/London or America/New_York.",
        "「{0}」というタイムゾーンはありません。Asia/Tokyo、Europe/London、America/New_York のような名前を使ってください。");
    public static readonly LocalizedText NotALanguage = new(
        "`{0}` must be en or ja.",
        "`{0}` は en か ja にしてください。");
    public static readonly LocalizedText NotAReference = new(
        "`{0}` must be a channel or role, not “{1}”.",
        "`{0}` にはチャンネルかロールを指定してください（「{1}」）。");
    public static readonly LocalizedText MemberNotFound = new(
        "I can't find a member called “{0}” in this community.",
        "このコミュニティに「{0}」というメンバーは見つかりません。");
    public static readonly LocalizedText MemberAmbiguous = new(
        "Several members are called “{0}”. Mention them or use their id.",
        "「{0}」という名前のメンバーが複数います。メンションか ID で指定してください。");
    public static readonly LocalizedText ComponentNotForCaller = new(
        "This button belongs to a community you are not a member of, so it changed nothing.",
        "このボタンはあなたが参加していないコミュニティのものなので、何も変更していません。");
    public static readonly LocalizedText ManagersOnly = new(
        "Only community managers can use `/{0}`.",
        "`/{0}` はコミュニティの管理者だけが使えます。");
    public static readonly LocalizedText InvalidInputHeader = new(
        "That didn't work, nothing was changed:",
        "実行できませんでした（何も変更していません）:");
    public static readonly LocalizedText NotUnderstood = new(
        "NetworkBot couldn't read that (perhaps the button belongs to an older message). Nothing was changed; please use the slash command instead.",
        "この操作を読み取れませんでした（古いメッセージのボタンかもしれません）。何も変更していません。スラッシュコマンドからもう一度お試しください。");
    public static readonly LocalizedText InternalError = new(
        "Sorry, something went wrong on our side and nothing was changed. Please try again in a moment.",
        "申し訳ありません、内部でエラーが起きたため何も変更していません。少し待ってからもう一度お試しください。");

    // /help
    public static readonly LocalizedText HelpTitle = new("What you can do", "できること");
    public static readonly LocalizedText HelpIntro = new(
        "NetworkBot helps this community turn members into a network: short self-introductions, small coffee chats, interest groups.",
        "NetworkBot はこのコミュニティのメンバー同士のつながりづくりを手伝います。短い自己紹介、少人数のコーヒーチャット、興味グループ。");
    public static readonly LocalizedText HelpManagerSection = new("For managers", "管理者向け");

    // /intro
    public static readonly LocalizedText IntroFormTitle = new("Your introduction", "自己紹介");
    public static readonly LocalizedText IntroSaved = new(
        "Saved your introduction. `/intro post` shares it in the intro channel.",
        "自己紹介を保存しました。`/intro post` で紹介チャンネルに投稿できます。");
    public static readonly LocalizedText IntroNoneYourself = new(
        "You haven't written an introduction yet. Start with `/intro set`.",
        "まだ自己紹介がありません。`/intro set` から書きましょう。");
    public static readonly LocalizedText IntroNoneOther = new(
        "{0} hasn't written an introduction yet.",
        "{0} さんはまだ自己紹介を書いていません。");
    public static readonly LocalizedText FieldPitch = new("Pitch", "ひとこと紹介");
    public static readonly LocalizedText FieldRole = new("Role", "職種");
    public static readonly LocalizedText FieldIndustry = new("Industry", "業界");
    public static readonly LocalizedText FieldOffers = new("Can offer", "提供できること");
    public static readonly LocalizedText FieldSeeks = new("Looking for", "求めていること");
    public static readonly LocalizedText FieldInterests = new("Interests", "興味・関心");
    public static readonly LocalizedText FieldTimeZone = new("Time zone", "タイムゾーン");
    public static readonly LocalizedText FieldLanguage = new("Language", "言語");
    public static readonly LocalizedText IntroNoChannel = new(
        "No intro channel is set up yet. Ask a manager to run `/admin setup intro-channel:…`.",
        "紹介チャンネルがまだ設定されていません。管理者に `/admin setup intro-channel:…` を依頼してください。");
    public static readonly LocalizedText IntroPostNeedsIntro = new(
        "Write your introduction first with `/intro set`, then post it.",
        "先に `/intro set` で自己紹介を書いてから投稿してください。");
    public static readonly LocalizedText ButtonPostIntro = new("Post it to the intro channel", "紹介チャンネルに投稿する");
    public static readonly LocalizedText IntroPosted = new(
        "Your introduction is on its way to {0}.",
        "自己紹介を {0} に投稿します。");
    public static readonly LocalizedText IntroPostHeader = new(
        "Please welcome {0}!",
        "{0} さんの自己紹介です！");

    // /coffee
    public static readonly LocalizedText CoffeeJoined = new(
        "You're in! You'll be matched with a few members in the next coffee round.",
        "参加しました！次のコーヒーチャットで数人のメンバーとマッチングされます。");
    public static readonly LocalizedText CoffeeResumed = new(
        "Welcome back: your pause is over and you'll be matched in the next round.",
        "おかえりなさい。休止を解除しました。次の回からマッチングされます。");
    public static readonly LocalizedText CoffeeAlreadyJoined = new(
        "You're already taking part in coffee chats.",
        "すでにコーヒーチャットに参加しています。");
    public static readonly LocalizedText CoffeeLeft = new(
        "You've left coffee chats. `/coffee join` brings you back any time.",
        "コーヒーチャットをやめました。`/coffee join` でいつでも戻れます。");
    public static readonly LocalizedText CoffeeNotJoined = new(
        "You're not taking part in coffee chats. `/coffee join` to start.",
        "コーヒーチャットに参加していません。`/coffee join` で参加できます。");
    public static readonly LocalizedText CoffeePaused = new(
        "Paused. You won't be matched before {0}.",
        "休止しました。{0} まではマッチングされません。");
    public static readonly LocalizedText CoffeePauseNotFuture = new(
        "`until` must be after today ({0}).",
        "`until` には今日（{0}）より後の日付を指定してください。");
    public static readonly LocalizedText CoffeePauseTooFar = new(
        "`until` can be at most one year ahead ({0}). Use `/coffee leave` for longer breaks.",
        "`until` は一年以内（{0}まで）にしてください。長く休む場合は `/coffee leave` を使ってください。");
    public static readonly LocalizedText CoffeeSkipping = new(
        "You'll skip the next round and be matched again after it.",
        "次の回はお休みし、その次からまたマッチングされます。");
    public static readonly LocalizedText CoffeeAlreadySkipping = new(
        "You're already skipping the next round.",
        "次の回はすでにお休みに設定されています。");
    public static readonly LocalizedText CoffeeStatusTitle = new("Coffee chats", "コーヒーチャット");
    public static readonly LocalizedText CoffeeStatusActive = new("Taking part: you'll be matched in the next round.", "参加中: 次の回でマッチングされます。");
    public static readonly LocalizedText CoffeeStatusSkipping = new("Taking part, skipping the next round.", "参加中（次の回はお休み）。");
    public static readonly LocalizedText CoffeeStatusPaused = new("Paused until {0}.", "{0} まで休止中。");
    public static readonly LocalizedText CoffeeStatusPausedIndefinitely = new(
        "Paused (recent rounds went unanswered, or you left the server). `/coffee join` brings you back.",
        "一時停止中です（最近の回に回答がなかったか、サーバーを離れたため）。`/coffee join` で再開できます。");
    public static readonly LocalizedText CoffeeStatusOut = new("Not taking part.", "参加していません。");
    public static readonly LocalizedText CoffeeStatusRounds = new("Rounds so far", "これまでの回数");
    public static readonly LocalizedText CoffeeStatusBlocks = new("Members you blocked", "ブロック中のメンバー");
    public static readonly LocalizedText ButtonJoin = new("Join", "参加する");
    public static readonly LocalizedText ButtonLeave = new("Leave", "やめる");
    public static readonly LocalizedText ButtonSkip = new("Skip next round", "次の回を休む");
    public static readonly LocalizedText CoffeeHistoryEmpty = new(
        "You haven't been in a coffee round yet.",
        "まだコーヒーチャットの回に参加したことがありません。");
    public static readonly LocalizedText CoffeeHistoryTitle = new("Your coffee chats", "あなたのコーヒーチャット");
    public static readonly LocalizedText CoffeeHistoryLine = new("{0}: {1}", "{0}: {1}");
    public static readonly LocalizedText OutcomeMet = new("met", "会えた");
    public static readonly LocalizedText OutcomeNotYet = new("not yet", "まだ");
    public static readonly LocalizedText OutcomeDidNotMeet = new("did not meet", "会えなかった");
    public static readonly LocalizedText CoffeeBlockSelf = new(
        "You can't block yourself.",
        "自分自身はブロックできません。");
    public static readonly LocalizedText CoffeeBlocked = new(
        "You won't be matched with {0}. They are not told.",
        "{0} さんとはマッチングされません。相手には通知されません。");
    public static readonly LocalizedText CoffeeAlreadyBlocked = new(
        "You already blocked {0}.",
        "{0} さんはすでにブロックしています。");
    public static readonly LocalizedText CoffeeUnblocked = new(
        "{0} can be matched with you again.",
        "{0} さんとのマッチングを再開しました。");
    public static readonly LocalizedText CoffeeNotBlocked = new(
        "You haven't blocked {0}.",
        "{0} さんはブロックしていません。");
    public static readonly LocalizedText CoffeeNoBlocks = new(
        "You haven't blocked anyone.",
        "ブロックしているメンバーはいません。");
    public static readonly LocalizedText CoffeeBlocksList = new(
        "Members you blocked (only you can see this): {0}",
        "ブロック中のメンバー（あなたにだけ表示）: {0}");
    public static readonly LocalizedText CoffeeUnblockPlaceholder = new("Unblock a member", "ブロックを解除するメンバー");

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

    // /admin setup
    public static readonly LocalizedText SetupTitle = new("Community settings", "コミュニティ設定");
    public static readonly LocalizedText SetupSaved = new("Saved the settings.", "設定を保存しました。");
    public static readonly LocalizedText SetupFirstManager = new(
        "You are the community's first named manager: round summaries and notices for managers come to you. Add others with `add-manager`.",
        "あなたがこのコミュニティの最初の管理者として登録されました。ラウンドの結果や管理者向けのお知らせはあなたに届きます。ほかの管理者は `add-manager` で追加できます。");
    public static readonly LocalizedText SetupNotSet = new("not set", "未設定");
    public static readonly LocalizedText SetupManagers = new("Managers", "管理者");
    public static readonly LocalizedText SetupManagerRole = new("Manager role", "管理者ロール");
    public static readonly LocalizedText SetupIntroChannel = new("Intro channel", "紹介チャンネル");
    public static readonly LocalizedText SetupCoffeeChannel = new("Coffee channel", "コーヒーチャットのチャンネル");
    public static readonly LocalizedText SetupAnnouncementChannel = new("Announcement channel", "告知チャンネル");
    public static readonly LocalizedText SetupLastManager = new(
        "{0} is the last manager; add another one before removing them.",
        "{0} さんは最後の管理者です。別の管理者を追加してから外してください。");

    // Coffee rounds
    public static readonly LocalizedText RoundGroupTitle = new("Your coffee chat this round", "今回のコーヒーチャット");
    public static readonly LocalizedText RoundGroupIntro = new(
        "Hi {0} — you're this round's coffee group! Find a time for a 30-minute chat before the next round. Here is who everyone is:",
        "{0}、今回のコーヒーチャットのメンバーです！次の回までに30分ほど話せる時間を決めましょう。メンバーの紹介:");
    public static readonly LocalizedText RoundWhyTitle = new("Why you were matched", "この組み合わせの理由");
    public static readonly LocalizedText RoundWhySharedInterests = new("You share: {0}", "共通の興味: {0}");
    public static readonly LocalizedText RoundWhyIndustries = new("Different industries: {0}", "異なる業界: {0}");
    public static readonly LocalizedText RoundWhyOfferSeek = new(
        "{0} can offer “{1}”, which {2} is looking for",
        "{0} さんは「{1}」を提供でき、{2} さんがそれを求めています");
    public static readonly LocalizedText RoundWhyNew = new("You haven't met before: a fresh connection.", "まだ会ったことのない相手です。新しいつながりです。");
    public static readonly LocalizedText RoundStartersTitle = new("Conversation starters", "話のきっかけ");
    public static readonly LocalizedText RoundTimesTitle = new("Times in everyone's working hours", "全員の勤務時間内の候補");
    public static readonly LocalizedText RoundNoCommonTime = new(
        "Your working hours don't overlap this week: an early or late call, or a few messages here, work too.",
        "今週は全員の勤務時間が重なりません。早朝・夜の通話や、ここでのメッセージのやり取りでも大丈夫です。");
    public static readonly LocalizedText RoundLateJoiner = new(
        "Welcome to the group, {0}! You've just joined this round's coffee chat — everyone, say hello and find a time that suits all of you.",
        "{0} さん、ようこそ！このグループのコーヒーチャットに加わりました。みなさんで挨拶して、全員の都合のよい時間を決めましょう！");
    public static readonly LocalizedText CoffeeJoinedLate = new(
        "You're in! This round has already started, so you've been added to a group with {0}.",
        "参加しました！今回の回はすでに始まっているので、{0}のグループに加わりました。");
    public static readonly LocalizedText RoundNotice = new(
        "Coffee chats: you'll be matched on {0}. Want to skip this one?",
        "コーヒーチャット: {0} にマッチングします。今回はお休みしますか？");
    public static readonly LocalizedText RoundNudge = new(
        "A gentle nudge: have you found a time for your coffee chat yet? Any of the suggested times works.",
        "コーヒーチャットの日程は決まりましたか？提案した候補の時間でも大丈夫です。");
    public static readonly LocalizedText RoundCheckIn = new("Did you meet?", "会えましたか？");
    public static readonly LocalizedText RoundReask = new(
        "Did you manage to meet in the end?",
        "その後、会えましたか？");
    public static readonly LocalizedText ButtonMet = new("Yes, we met", "会えた");
    public static readonly LocalizedText ButtonNotYet = new("Not yet", "まだ");
    public static readonly LocalizedText ButtonDidNotMeet = new("No", "会えなかった");
    public static readonly LocalizedText AnswerMet = new(
        "Wonderful! You're now connected with {0}. `/connections` shows your network.",
        "よかったです！{0}とつながりました。`/connections` で一覧を見られます。");
    public static readonly LocalizedText AnswerNotYet = new(
        "No problem, I'll ask again in a few days.",
        "了解です。数日後にもう一度お聞きします。");
    public static readonly LocalizedText AnswerDidNotMeet = new(
        "Thanks for letting me know. You'll get a new match next round.",
        "教えてくれてありがとうございます。次の回で新しい相手とマッチングします。");
    public static readonly LocalizedText AnswerNotYourGroup = new(
        "This question was for another group.",
        "この質問は別のグループ向けです。");
    public static readonly LocalizedText AnswerRoundOver = new(
        "That round is over. Watch for the next one!",
        "この回は終了しました。次の回をお楽しみに！");
    public static readonly LocalizedText PausedForSilence = new(
        "You didn't answer the last {0} coffee rounds, so your coffee chats are paused. `/coffee join` brings you back any time.",
        "直近{0}回のコーヒーチャットに回答がなかったため、参加を一時停止しました。`/coffee join` でいつでも再開できます。");
    public static readonly LocalizedText RoundSummary = new(
        "Coffee round of {0} is over: {1} members in {2} groups; {3} groups met ({4}%); {5} new connections; cross-industry groups {6}%. Paused for not answering: {7}.",
        "{0} のコーヒーチャットが終了しました: 参加{1}人・{2}グループ、会えたグループ{3}（{4}%）、新しいつながり{5}件、異業種のグループ{6}%。未回答のため一時停止: {7}。");
    public static readonly LocalizedText Nobody = new("nobody", "なし");
    public static readonly LocalizedText RoundNotPossible = new(
        "The coffee round of {0} could not be made: {1}",
        "{0} のコーヒーチャットを組めませんでした: {1}");
    public static readonly LocalizedText PairingTooFew = new(
        "only {0} members are available, fewer than the group size {1}. Invite more members or use `/admin coffee schedule group-size:2`.",
        "参加可能なメンバーが{0}人で、グループの人数{1}に足りません。メンバーを招待するか `/admin coffee schedule group-size:2` を使ってください。");
    public static readonly LocalizedText PairingUnsplittable = new(
        "{0} members cannot be split into groups of {1} without leaving someone out. Try a smaller group size.",
        "{0}人をグループ{1}人ずつに分けると余りが出ます。グループの人数を小さくしてください。");
    public static readonly LocalizedText PairingBlocked = new(
        "the members' blocks leave no possible grouping ({0}).",
        "ブロックの設定により組み合わせが作れません（{0}）。");

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

    // /admin coffee
    public static readonly LocalizedText ScheduleTitle = new("Coffee rounds", "コーヒーチャットの予定");
    public static readonly LocalizedText ScheduleSaved = new("Saved the schedule.", "予定を保存しました。");
    public static readonly LocalizedText ScheduleNone = new(
        "No coffee rounds are scheduled. Set them with `/admin coffee schedule weekday:mon time:10:00`.",
        "コーヒーチャットの予定はありません。`/admin coffee schedule weekday:mon time:10:00` で設定できます。");
    public static readonly LocalizedText ScheduleCancelled = new(
        "Coffee rounds are cancelled. Members keep their settings; schedule again any time.",
        "コーヒーチャットの予定を取り消しました。メンバーの設定はそのままです。いつでも再設定できます。");
    public static readonly LocalizedText ScheduleCadenceWeekly = new("Every {0} week(s) on {1} at {2} ({3})", "{0}週ごと {1} {2}（{3}）");
    public static readonly LocalizedText ScheduleCadenceMonthly = new("Monthly, {0} {1} at {2} ({3})", "毎月 {0}{1} {2}（{3}）");
    public static readonly LocalizedText ScheduleGroups = new("Groups", "グループ");
    public static readonly LocalizedText ScheduleGroupsValue = new("{0} people, {1} mode, no repeats within {2} rounds", "{0}人、{1}モード、{2}回以内の再会なし");
    public static readonly LocalizedText ScheduleNext = new("Next rounds", "次の回");
    public static readonly LocalizedText ScheduleChannel = new("Channel", "チャンネル");
    public static readonly LocalizedText PreviewTitle = new("Preview of the next round (nothing is sent)", "次の回のプレビュー（送信されません）");
    public static readonly LocalizedText PreviewStats = new(
        "{0} members, {1} groups, {2} repeat pairs, cross-industry {3}%, shared interests {4}%, seed {5}",
        "参加{0}人、{1}グループ、再会ペア{2}、異業種{3}%、共通の興味{4}%、シード{5}");
    public static readonly LocalizedText RunNowStarted = new(
        "Round started: {0} members in {1} groups. The group messages are on their way (seed {2}).",
        "回を開始しました: 参加{0}人・{1}グループ。グループへのメッセージを送信します（シード{2}）。");
    public static readonly LocalizedText StatsTitle = new("Recent coffee rounds", "最近のコーヒーチャット");
    public static readonly LocalizedText StatsNone = new("No rounds yet.", "まだ回がありません。");
    public static readonly LocalizedText StatsLine = new(
        "{0} members, {1} groups, met {2}%",
        "参加{0}人、{1}グループ、会えた{2}%");
}

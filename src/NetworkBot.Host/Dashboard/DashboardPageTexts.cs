using NetworkBot.Core.Texts;

namespace NetworkBot.Host.Dashboard;

/// <summary>
/// The words of the dashboard's pages (figures, tables, charts, exports), apart from <see cref="DashboardTexts"/>'s frame
/// (navigation, sign-in, refusals). English and Japanese; where a figure is an approximation, the page says so here.
/// </summary>
internal static class DashboardPageTexts
{
    public static readonly LocalizedText SkipToContent = new("Skip to content", "本文へ移動");
    public static readonly LocalizedText Yes = new("yes", "はい");
    public static readonly LocalizedText No = new("no", "いいえ");
    public static readonly LocalizedText Never = new("never", "なし");
    public static readonly LocalizedText ChartTable = new("{0} (the chart's numbers)", "{0}（グラフの数値）");

    // overview
    public static readonly LocalizedText OverviewIntro = new(
        "Member counts are as of now. Meet rate, new connections and the cross-industry share cover the last {0} rounds, as do the trends.",
        "メンバー数は現在の値です。面会率・新しいつながり・異業種の割合と推移は直近 {0} 回のラウンドの値です。");
    public static readonly LocalizedText NoRoundsYet = new(
        "No round has been held yet: trends appear after the first round.",
        "まだラウンドがありません。最初のラウンドのあとに推移が表示されます。");
    public static readonly LocalizedText FigureMembers = new("Members", "メンバー");
    public static readonly LocalizedText FigureOptedIn = new("Opted in", "参加登録");
    public static readonly LocalizedText FigureActive = new("Active (matched next round)", "アクティブ（次回マッチング対象）");
    public static readonly LocalizedText FigurePaused = new("Paused or skipping", "休止・スキップ中");
    public static readonly LocalizedText FigureRounds = new("Rounds", "ラウンド数");
    public static readonly LocalizedText FigureMeetRate = new("Meet rate", "面会率");
    public static readonly LocalizedText FigureNewConnections = new("New connections", "新しいつながり");
    public static readonly LocalizedText FigureCrossIndustry = new("Cross-industry share", "異業種の割合");
    public static readonly LocalizedText FigureAsks = new("Asks for an introduction", "紹介の依頼");
    public static readonly LocalizedText FigureAsksAccepted = new("Asks a member accepted", "承諾された依頼");
    public static readonly LocalizedText FigureAsksConnected = new("Introductions that connected", "つながった紹介");
    public static readonly LocalizedText CrossIndustryNote = new(
        "Cross-industry share: of the pairs in groups that met, those whose members name different industries.",
        "異業種の割合: 会えたグループのペアのうち、業種が異なるペアの割合です。");
    public static readonly LocalizedText TrendCaption = new("{0} per round", "ラウンドごとの{0}");
    public static readonly LocalizedText DeltaSinceLastRound = new("{0} since last round", "前回ラウンドから {0}");
    public static readonly LocalizedText DeltaPointsSinceLastRound = new("{0} points since last round", "前回ラウンドから {0} ポイント");
    public static readonly LocalizedText SameAsLastRound = new("same as last round", "前回ラウンドと同じ");
    public static readonly LocalizedText ColumnRoundStart = new("Round start", "ラウンド開始日");

    // rounds
    public static readonly LocalizedText RoundsIntro = new(
        "Each round's funnel: opted in → matched → answered \"did you meet?\" → met. The bot keeps no history of who was opted in, so a round's paused members are those opted in now who had joined by its start and were not matched.",
        "各ラウンドの流れ: 参加登録 → マッチング → 「会えましたか？」に回答 → 会えた。参加登録の履歴は記録されないため、休止中の人数は、現在参加登録していてラウンド開始時にメンバーだった人のうち、マッチングされなかった人数です。");
    public static readonly LocalizedText NoRounds = new("No round has been held yet.", "まだラウンドがありません。");
    public static readonly LocalizedText FunnelCaption = new("Funnel per round", "ラウンドごとの流れ");
    public static readonly LocalizedText RoundsCaption = new("Rounds, newest first", "ラウンド（新しい順）");
    public static readonly LocalizedText ColumnGroups = new("Groups", "グループ数");
    public static readonly LocalizedText ColumnGroupSize = new("Group size", "グループの人数");
    public static readonly LocalizedText ColumnMode = new("Mode", "方式");
    public static readonly LocalizedText ColumnOptedIn = new("Opted in", "参加登録");
    public static readonly LocalizedText ColumnMatched = new("Matched", "マッチング");
    public static readonly LocalizedText ColumnAnswered = new("Answered", "回答");
    public static readonly LocalizedText ColumnMet = new("Met", "会えた");
    public static readonly LocalizedText ColumnSilent = new("Silent", "未回答");
    public static readonly LocalizedText ColumnPaused = new("Paused", "休止");
    public static readonly LocalizedText ColumnMeetRate = new("Meet rate", "面会率");
    public static readonly LocalizedText ModeRandom = new("random", "ランダム");
    public static readonly LocalizedText ModeCrossIndustry = new("cross-industry", "異業種");
    public static readonly LocalizedText ModeSharedInterest = new("shared interest", "共通の興味");

    // round detail
    public static readonly LocalizedText RoundTitle = new("Round of {0}", "{0} のラウンド");
    public static readonly LocalizedText GroupsCaption = new("Groups and their answers", "グループと回答");
    public static readonly LocalizedText ColumnGroup = new("Group", "グループ");
    public static readonly LocalizedText ColumnMembersAnswers = new("Members and answers", "メンバーと回答");
    public static readonly LocalizedText ColumnOutcome = new("Outcome", "結果");
    public static readonly LocalizedText NoAnswer = new("no answer", "未回答");
    public static readonly LocalizedText BackToRounds = new("All rounds", "ラウンド一覧");

    // network
    public static readonly LocalizedText NetworkIntro = new(
        "{0} members are linked by {1} confirmed connections (members who said they met, in a round or after an event).",
        "{0} 人のメンバーが {1} 件のつながりで結ばれています（ラウンドで会えた、またはイベント後につながった人たち）。");
    public static readonly LocalizedText GraphBounded = new(
        "The graph shows the {0} members with the most connections and the connections among them; the lists below cover everyone.",
        "グラフにはつながりの多い {0} 人とその間のつながりを表示しています。下の一覧は全員が対象です。");
    public static readonly LocalizedText GraphLabel = new(
        "Network graph: {0} members and {1} connections; the tables below list the same members.",
        "ネットワーク図: メンバー {0} 人、つながり {1} 件。下の表に同じメンバーを載せています。");
    public static readonly LocalizedText GraphNodesCaption = new("Members in the graph", "図のメンバー");
    public static readonly LocalizedText LegendTitle = new("How to read the graph", "図の見方");
    public static readonly LocalizedText LegendColour = new("{0}: {1} ({2} members)", "{0}: {1}（{2} 人）");
    public static readonly LocalizedText LegendOtherIndustries = new("other or no industry", "その他・業種未設定");
    public static readonly LocalizedText LegendSize = new("A larger dot has more connections.", "点が大きいほどつながりが多いメンバーです。");
    public static readonly LocalizedText LegendBridges = new(
        "A dark ring marks a bridge; the {0} strongest bridges are named.",
        "濃い輪は橋渡し役です。上位 {0} 人は名前を表示しています。");

    /// <summary>The names of <see cref="DashboardFormat.Palette"/>'s colours, so a legend does not rest on colour alone.</summary>
    public static readonly LocalizedText[] ColourNames =
    [
        new("blue", "青"), new("orange", "橙"), new("green", "緑"), new("purple", "紫"),
        new("red", "赤"), new("teal", "青緑"), new("olive", "黄土色"), new("grey", "灰色"),
    ];

    public static readonly LocalizedText NoConnections = new("No connection yet.", "まだつながりがありません。");
    public static readonly LocalizedText BridgesTitle = new("Bridges", "橋渡し役");
    public static readonly LocalizedText BridgesIntro = new(
        "Members whose connections span the most industries and interest groups.",
        "つながった相手の業種・興味グループが最も多様なメンバーです。");
    public static readonly LocalizedText ClustersTitle = new("Clusters", "クラスター");
    public static readonly LocalizedText ClustersIntro = new(
        "Groups of members connected to each other, directly or through others.",
        "直接または誰かを介してつながっているメンバーのまとまりです。");
    public static readonly LocalizedText NotMetTitle = new("Members who have not met anyone yet", "まだ誰とも会っていないメンバー");
    public static readonly LocalizedText NotMetIntro = new(
        "Invite them to the next round or introduce them to someone; longest waiting first.",
        "次のラウンドに誘うか、誰かを紹介しましょう（参加が古い順）。");
    public static readonly LocalizedText EveryoneMet = new("Everyone has met someone.", "全員が誰かと会っています。");
    public static readonly LocalizedText ColumnIndustries = new("Industries reached", "つながった業種");
    public static readonly LocalizedText ColumnInterestGroups = new("Interest groups reached", "つながった興味グループ");
    public static readonly LocalizedText ColumnCluster = new("Cluster", "クラスター");
    public static readonly LocalizedText ColumnSize = new("Members", "人数");
    public static readonly LocalizedText ColumnTopIndustries = new("Main industries", "主な業種");

    // events
    public static readonly LocalizedText EventsIntro = new(
        "Answers to each event's coming occurrence, and attendance of past ones. Attendance counts the members who were going when an occurrence closed: the bot records no check-in, so no-shows cannot be counted. Connections made count the pairs who both pressed \"connect\" after the event.",
        "各イベントの次回への回答と、過去の回の参加者数です。参加者数は各回の締め切り時に「参加」だった人数です。当日の出席は記録されないため、無断欠席は数えられません。つながりは、イベント後に双方が「つながる」を押したペアの数です。");
    public static readonly LocalizedText NoEvents = new("No event yet.", "まだイベントがありません。");
    public static readonly LocalizedText AnswersCaption = new("Answers per event", "イベントごとの回答");
    public static readonly LocalizedText AttendanceCaption = new("Attendance per past occurrence", "過去の回ごとの参加者数");
    public static readonly LocalizedText ColumnEvent = new("Event", "イベント");
    public static readonly LocalizedText ColumnStart = new("Next start", "次回の開始");
    public static readonly LocalizedText ColumnCapacity = new("Capacity", "定員");
    public static readonly LocalizedText ColumnGoing = new("Going", "参加");
    public static readonly LocalizedText ColumnMaybe = new("Maybe", "未定");
    public static readonly LocalizedText ColumnNotGoing = new("Not going", "不参加");
    public static readonly LocalizedText ColumnWaitlisted = new("Waitlisted", "キャンセル待ち");
    public static readonly LocalizedText ColumnConnectionsMade = new("Connections made", "生まれたつながり");
    public static readonly LocalizedText ColumnOccurrence = new("Occurrence", "開催日");
    public static readonly LocalizedText ColumnAttended = new("Going at close", "締め切り時の参加者");
    public static readonly LocalizedText Cancelled = new("cancelled", "中止");
    public static readonly LocalizedText Finished = new("finished", "終了");
    public static readonly LocalizedText Unlimited = new("no limit", "なし");

    // interests
    public static readonly LocalizedText InterestsIntro = new(
        "Members per open interest group. The bot records when a group was made but not when each member joined it, so growth shows as each group's size now against its start.",
        "公開中の興味グループごとの人数です。グループの作成日は記録されますが、各メンバーの参加日は記録されないため、成長は作成日と現在の人数で示します。");
    public static readonly LocalizedText NoInterests = new("No interest group yet.", "まだ興味グループがありません。");
    public static readonly LocalizedText SizesCaption = new("Members per interest group", "興味グループごとの人数");
    public static readonly LocalizedText ColumnInterest = new("Interest group", "興味グループ");
    public static readonly LocalizedText ColumnCreated = new("Started", "作成日");

    // members
    public static readonly LocalizedText SearchLabel = new("Search by name or industry", "名前または業種で検索");
    public static readonly LocalizedText SearchButton = new("Search", "検索");
    public static readonly LocalizedText MembersCaption = new("{0} members", "メンバー {0} 人");
    public static readonly LocalizedText MembersFound = new("{0} members match “{1}”", "「{1}」に一致するメンバー {0} 人");
    public static readonly LocalizedText PagesLabel = new("Pages of members", "メンバー一覧のページ");
    public static readonly LocalizedText PageOf = new("Page {0} of {1}", "{1} ページ中 {0} ページ目");
    public static readonly LocalizedText PagePrevious = new("Previous", "前へ");
    public static readonly LocalizedText PageNext = new("Next", "次へ");
    public static readonly LocalizedText ColumnName = new("Name", "名前");
    public static readonly LocalizedText ColumnIndustry = new("Industry", "業種");
    public static readonly LocalizedText ColumnJoined = new("Joined", "参加日");
    public static readonly LocalizedText ColumnLastRound = new("Last round", "最後のラウンド");
    public static readonly LocalizedText ColumnAnswers = new("Answers given", "回答数");
    public static readonly LocalizedText ColumnConnections = new("Connections", "つながり");

    // exports
    public static readonly LocalizedText ExportTitle = new("Export", "エクスポート");
    public static readonly LocalizedText ExportIntro = new(
        "CSV (UTF-8, opens in spreadsheet programs) or JSON. Leave the dates empty for everything; rounds, connections and events are chosen by their date, members by joining before the end date.",
        "CSV（UTF-8、表計算ソフトで開けます）または JSON。日付を空にすると全期間です。ラウンド・つながり・イベントは日付で、メンバーは終了日までの参加で絞り込みます。");
    public static readonly LocalizedText ExportRange = new("Date range (optional)", "期間（省略可）");
    public static readonly LocalizedText ExportDownload = new("Download", "ダウンロード");
    public static readonly LocalizedText ExportFrom = new("From", "開始日");
    public static readonly LocalizedText ExportTo = new("To", "終了日");
    public static readonly LocalizedText ExportMembers = new("Members", "メンバー");
    public static readonly LocalizedText ExportRounds = new("Rounds and groups", "ラウンドとグループ");
    public static readonly LocalizedText ExportConnections = new("Connections", "つながり");
    public static readonly LocalizedText ExportEvents = new("Events and answers", "イベントと回答");
    public static readonly LocalizedText ExportAsks = new("Introductions (counts)", "紹介（件数）");
    public static readonly LocalizedText ExportAs = new("{0} ({1})", "{0}（{1}）");
}

namespace NetworkBot.Tests.Dashboard;

/// <summary>
/// The words a seeded community is made of, in the shape the demo community has (config/demo-community.json):
/// industries and interests as short keys, Japanese and English names, roles, offers and event titles. Names repeat
/// in a large community, as they do in a real one; ids never do.
/// </summary>
internal static class SeedVocabulary
{
    public static readonly string[] JapaneseFamilyNames =
    [
        "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口", "松本",
        "井上", "木村", "林", "斎藤", "清水", "山崎", "森", "池田", "橋本", "阿部", "石川", "前田", "藤田", "小川", "岡田",
    ];

    public static readonly string[] JapaneseGivenNames =
    [
        "愛子", "大輔", "翔太", "美咲", "健一", "陽菜", "拓也", "さくら", "直樹", "結衣", "亮", "真由美", "海斗", "沙織", "悠真",
        "恵", "大樹", "優子", "蓮", "千尋", "和也", "彩", "達也", "麻衣", "隆", "葵", "誠", "奈々", "颯太", "香織",
    ];

    public static readonly string[] EnglishGivenNames =
    [
        "Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Ethan", "Chloe", "Daniel", "Grace", "Owen", "Hannah", "Leo", "Sofia",
        "Ryan", "Maya", "Adam", "Zoe", "Samuel",
    ];

    public static readonly string[] EnglishFamilyNames =
    [
        "Smith", "Johnson", "Brown", "Taylor", "Wilson", "Martin", "Clarke", "Walker", "Wright", "Green", "Hall", "Wood", "Evans",
        "Murphy", "Lee", "Nguyen", "Garcia", "Kim", "Patel", "Müller",
    ];

    /// <summary>Industry keys, most common first (a member's industry is drawn with a falling weight).</summary>
    public static readonly string[] Industries =
    [
        "software", "finance", "manufacturing", "consulting", "healthcare", "media", "logistics", "construction", "biotech", "design",
        "education", "gaming", "hospitality", "government", "retail", "energy", "legal",
    ];

    /// <summary>A role per industry, in Japanese and English.</summary>
    public static readonly (string Ja, string En)[] Roles =
    [
        ("ソフトウェアエンジニア", "Software engineer"), ("ファイナンシャルアナリスト", "Financial analyst"), ("生産技術エンジニア", "Production engineer"),
        ("戦略コンサルタント", "Strategy consultant"), ("看護師", "Nurse"), ("編集者", "Editor"), ("物流マネージャー", "Logistics manager"),
        ("建築士", "Architect"), ("研究員", "Research scientist"), ("UXデザイナー", "UX designer"), ("高校教師", "High-school teacher"),
        ("ゲームプランナー", "Game designer"), ("ホテル支配人", "Hotel manager"), ("市役所職員", "City official"), ("店長", "Store manager"),
        ("エネルギーアナリスト", "Energy analyst"), ("弁護士", "Lawyer"),
    ];

    /// <summary>The interest groups' names (keys, as members list them), most popular first.</summary>
    public static readonly string[] Interests =
    [
        "ai", "startups", "coffee", "language-exchange", "investing", "travel", "data-science", "python", "books", "marketing",
        "photography", "running", "cooking", "sake", "ramen", "hiking",
    ];

    public static readonly (string Ja, string En)[] Offers =
    [
        ("資金調達の相談", "Fundraising advice"), ("英語でのレビュー", "Reviews in English"), ("医療業界の現場の話", "How hospitals work"),
        ("採用の壁打ち", "Hiring advice"), ("デザインのフィードバック", "Design feedback"), ("データ分析の手伝い", "Help with data analysis"),
        ("登壇のコツ", "Public speaking tips"), ("物流の知見", "Logistics know-how"),
    ];

    public static readonly (string Ja, string En)[] Seeks =
    [
        ("UXのフィードバック", "UX feedback"), ("キャリアチェンジの相談", "Career-change advice"), ("英会話の練習相手", "English conversation partners"),
        ("共同創業者", "A co-founder"), ("Rust の勉強仲間", "Rust study buddies"), ("メンター", "A mentor"),
    ];

    public static readonly (string Ja, string En)[] EventTitles =
    [
        ("朝活ピッチ", "Morning pitch"), ("異業種交流ランチ会", "Cross-industry lunch"), ("AI勉強会", "AI study session"),
        ("年末交流会", "Year-end meetup"), ("キャリア相談会", "Career clinic"), ("スタートアップ夜会", "Startup night"),
    ];

    public static readonly (string Ja, string En)[] Places =
    [
        ("渋谷のコワーキングスペース", "Shibuya coworking space"), ("オンライン (Zoom)", "Online (Zoom)"), ("丸の内のカフェ", "Marunouchi café"),
    ];
}

namespace NetworkBot.Storage.LiteDb;

/// <summary>
/// The LiteDB store's collections, named as the SQL providers name their tables, so a reader of either finds the same
/// data under the same name (and the conformance suite's logical tables map one to one).
/// </summary>
internal static class LiteDbCollections
{
    public const string Communities = "communities";
    public const string Members = "members";
    public const string CoffeeSchedules = "coffee_schedules";
    public const string Rounds = "rounds";
    public const string RoundGroups = "round_groups";
    public const string GroupMembers = "group_members";
    public const string GroupAnswers = "group_answers";
    public const string Connections = "connections";
    public const string Blocks = "blocks";
    public const string PairWishes = "pair_wishes";
    public const string Events = "events";
    public const string Rsvps = "rsvps";
    public const string EventAttendees = "event_attendees";
    public const string EventConnects = "event_connects";
    public const string Interests = "interests";
    public const string InterestMembers = "interest_members";
    public const string Asks = "asks";

    public const string AskCandidates = "ask_candidates";

    public const string Outbox = "outbox";
    public const string PlatformState = "platform_state";
    public const string DashboardSignInLinks = "dashboard_sign_in_links";
    public const string DashboardSessions = "dashboard_sessions";
    public const string DataProtectionKeys = "data_protection_keys";
}

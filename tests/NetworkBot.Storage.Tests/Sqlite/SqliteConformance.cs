using NetworkBot.Storage.Tests.Conformance;

namespace NetworkBot.Storage.Tests.Sqlite;

// The whole conformance suite against SQLite. A provider's runs are listed together so that a new provider
// is one file like this one: a missing line is seen at a glance, which one file per class would hide.
public sealed class SqliteAnswerStoreTests : AnswerStoreConformance<SqliteProvider>;

public sealed class SqliteBlockStoreTests : BlockStoreConformance<SqliteProvider>;

public sealed class SqliteCommunityScopingTests : CommunityScopingConformance<SqliteProvider>;

public sealed class SqliteCommunityStoreTests : CommunityStoreConformance<SqliteProvider>;

public sealed class SqliteConnectionStoreTests : ConnectionStoreConformance<SqliteProvider>;

public sealed class SqliteDashboardReadsTests : DashboardReadsConformance<SqliteProvider>;

public sealed class SqliteDashboardStoreTests : DashboardStoreConformance<SqliteProvider>;

public sealed class SqliteEventStoreTests : EventStoreConformance<SqliteProvider>;

public sealed class SqliteInterestStoreTests : InterestStoreConformance<SqliteProvider>;

public sealed class SqliteMemberStoreTests : MemberStoreConformance<SqliteProvider>;

public sealed class SqliteOutboxBacklogTests : OutboxBacklogConformance<SqliteProvider>;

public sealed class SqliteOutboxClaimTests : OutboxClaimConformance<SqliteProvider>;

public sealed class SqliteOutboxStoreTests : OutboxStoreConformance<SqliteProvider>;

public sealed class SqlitePlatformStateStoreTests : PlatformStateStoreConformance<SqliteProvider>;

public sealed class SqliteRoundLifecycleStoreTests : RoundLifecycleStoreConformance<SqliteProvider>;

public sealed class SqliteRoundStoreTests : RoundStoreConformance<SqliteProvider>;

public sealed class SqliteScheduleStoreTests : ScheduleStoreConformance<SqliteProvider>;

public sealed class SqliteStaleWriteTests : StaleWriteConformance<SqliteProvider>;

public sealed class SqlitePrivacyStoreTests : PrivacyStoreConformance<SqliteProvider>;

public sealed class SqliteAskStoreTests : AskStoreConformance<SqliteProvider>;

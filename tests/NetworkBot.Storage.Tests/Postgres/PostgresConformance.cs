using NetworkBot.Storage.Tests.Conformance;

namespace NetworkBot.Storage.Tests.Postgres;

// The whole conformance suite against PostgreSQL. A provider's runs are listed together so that a new provider
// is one file like this one: a missing line is seen at a glance, which one file per class would hide.
public sealed class PostgresAnswerStoreTests : AnswerStoreConformance<PostgresProvider>;

public sealed class PostgresBlockStoreTests : BlockStoreConformance<PostgresProvider>;

public sealed class PostgresCommunityScopingTests : CommunityScopingConformance<PostgresProvider>;

public sealed class PostgresCommunityStoreTests : CommunityStoreConformance<PostgresProvider>;

public sealed class PostgresConnectionStoreTests : ConnectionStoreConformance<PostgresProvider>;

public sealed class PostgresDashboardReadsTests : DashboardReadsConformance<PostgresProvider>;

public sealed class PostgresDashboardStoreTests : DashboardStoreConformance<PostgresProvider>;

public sealed class PostgresEventStoreTests : EventStoreConformance<PostgresProvider>;

public sealed class PostgresInterestStoreTests : InterestStoreConformance<PostgresProvider>;

public sealed class PostgresMemberStoreTests : MemberStoreConformance<PostgresProvider>;

public sealed class PostgresOutboxBacklogTests : OutboxBacklogConformance<PostgresProvider>;

public sealed class PostgresOutboxClaimTests : OutboxClaimConformance<PostgresProvider>;

public sealed class PostgresOutboxStoreTests : OutboxStoreConformance<PostgresProvider>;

public sealed class PostgresPlatformStateStoreTests : PlatformStateStoreConformance<PostgresProvider>;

public sealed class PostgresRoundLifecycleStoreTests : RoundLifecycleStoreConformance<PostgresProvider>;

public sealed class PostgresRoundStoreTests : RoundStoreConformance<PostgresProvider>;

public sealed class PostgresScheduleStoreTests : ScheduleStoreConformance<PostgresProvider>;

public sealed class PostgresStaleWriteTests : StaleWriteConformance<PostgresProvider>;

public sealed class PostgresPrivacyStoreTests : PrivacyStoreConformance<PostgresProvider>;

public sealed class PostgresAskStoreTests : AskStoreConformance<PostgresProvider>;

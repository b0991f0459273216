using NetworkBot.Storage.Tests.Conformance;

namespace NetworkBot.Storage.Tests.LiteDb;

// The whole conformance suite against LiteDB. A provider's runs are listed together so that a new provider
// is one file like this one: a missing line is seen at a glance, which one file per class would hide.
public sealed class LiteDbAnswerStoreTests : AnswerStoreConformance<LiteDbProvider>;

public sealed class LiteDbBlockStoreTests : BlockStoreConformance<LiteDbProvider>;

public sealed class LiteDbCommunityScopingTests : CommunityScopingConformance<LiteDbProvider>;

public sealed class LiteDbCommunityStoreTests : CommunityStoreConformance<LiteDbProvider>;

public sealed class LiteDbConnectionStoreTests : ConnectionStoreConformance<LiteDbProvider>;

public sealed class LiteDbDashboardReadsTests : DashboardReadsConformance<LiteDbProvider>;

public sealed class LiteDbDashboardStoreTests : DashboardStoreConformance<LiteDbProvider>;

public sealed class LiteDbEventStoreTests : EventStoreConformance<LiteDbProvider>;

public sealed class LiteDbInterestStoreTests : InterestStoreConformance<LiteDbProvider>;

public sealed class LiteDbMemberStoreTests : MemberStoreConformance<LiteDbProvider>;

public sealed class LiteDbOutboxBacklogTests : OutboxBacklogConformance<LiteDbProvider>;

public sealed class LiteDbOutboxClaimTests : OutboxClaimConformance<LiteDbProvider>;

public sealed class LiteDbOutboxStoreTests : OutboxStoreConformance<LiteDbProvider>;

public sealed class LiteDbPlatformStateStoreTests : PlatformStateStoreConformance<LiteDbProvider>;

public sealed class LiteDbRoundLifecycleStoreTests : RoundLifecycleStoreConformance<LiteDbProvider>;

public sealed class LiteDbRoundStoreTests : RoundStoreConformance<LiteDbProvider>;

public sealed class LiteDbScheduleStoreTests : ScheduleStoreConformance<LiteDbProvider>;

public sealed class LiteDbStaleWriteTests : StaleWriteConformance<LiteDbProvider>;

public sealed class LiteDbPrivacyStoreTests : PrivacyStoreConformance<LiteDbProvider>;

public sealed class LiteDbAskStoreTests : AskStoreConformance<LiteDbProvider>;

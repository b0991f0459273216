using NetworkBot.Core.Coffee;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Dashboard;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Introductions;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Platform;
using NetworkBot.Core.Privacy;

namespace NetworkBot.Core.Storage;

/// <summary>
/// Everything NetworkBot keeps: each feature's store in one interface, which a storage provider implements and
/// the container hands out under each narrow interface too. Every read and write of community data names its
/// community: data of one community is never visible from another (a dashboard session or link, found by its token's
/// hash, carries its community, and only that community's pages open with it). Implemented over SQLite, LiteDB and
/// PostgreSQL (NetworkBot.Storage).
/// </summary>
public interface IStore
    : ICommunityStore, IMemberStore, ICoffeeStore, IInterestStore, IEventStore, IConnectionStore, IOutboxStore, IPlatformStateStore,
        IDashboardStore, IPrivacyStore, IAskStore;

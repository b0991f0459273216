using NetworkBot.Core.Coffee;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Platform;

namespace NetworkBot.Core.Storage;

/// <summary>
/// Everything NetworkBot keeps: each feature's store in one interface, which a storage provider implements and
/// the container hands out under each narrow interface too. Every read and write names its community: data of one
/// community is never visible from another. Implemented over SQLite (NetworkBot.Storage), the only provider so
/// far; a PostgreSQL or LiteDB provider implements these same interfaces.
/// </summary>
public interface IStore
    : ICommunityStore, IMemberStore, ICoffeeStore, IInterestStore, IEventStore, IConnectionStore, IOutboxStore, IPlatformStateStore;

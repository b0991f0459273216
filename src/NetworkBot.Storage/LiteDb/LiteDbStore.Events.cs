using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Outbox;

namespace NetworkBot.Storage.LiteDb;

public sealed partial class LiteDbStore
{
    public Task<Event?> GetEventAsync(CommunityId community, EventId id, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<Event>> ListEventsAsync(CommunityId community, bool includeCancelled, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<Event>> ListCalendarEventsAsync(CommunityId community, DateTimeOffset since, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<CommunityId>> ListEventCommunitiesAsync(CancellationToken ct) => throw new NotImplementedException();

    public Task SaveEventAsync(Event ev, IReadOnlyList<OutboxMessage> messages, Func<IReadOnlyList<MemberId>, IReadOnlyList<OutboxMessage>> promoted, CancellationToken ct) => throw new NotImplementedException();

    public Task CloseOccurrenceAsync(Event updated, DateTimeOffset occurrence, IReadOnlyList<MemberId> attendees, IReadOnlyList<OutboxMessage> messages, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<MemberId>> ListAttendeesAsync(CommunityId community, EventId ev, CancellationToken ct) => throw new NotImplementedException();

    public Task<RsvpOutcome> RespondAsync( CommunityId community, EventId ev, MemberId member, RsvpStatus wanted, DateTimeOffset at, Func<RsvpOutcome, IReadOnlyList<OutboxMessage>> messages, CancellationToken ct) => throw new NotImplementedException();

    public Task SetEventPlatformRefAsync(CommunityId community, EventId ev, string? platformRef, CancellationToken ct) => throw new NotImplementedException();

    public Task<Event?> FindEventByPlatformRefAsync(CommunityId community, string platformRef, CancellationToken ct) => throw new NotImplementedException();

    public Task<bool> AddPlatformMaybeAsync(CommunityId community, EventId ev, MemberId member, DateTimeOffset at, CancellationToken ct) => throw new NotImplementedException();

    public Task<bool> RemovePlatformMaybeAsync(CommunityId community, EventId ev, MemberId member, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<Rsvp>> ListRsvpsAsync(CommunityId community, EventId ev, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<Rsvp>> ListMemberRsvpsAsync(CommunityId community, MemberId member, CancellationToken ct) => throw new NotImplementedException();

    public Task<string?> GetCalendarTokenAsync(CommunityId community, CancellationToken ct) => throw new NotImplementedException();

    public Task<bool> SetCalendarTokenAsync(CommunityId community, string? token, CancellationToken ct) => throw new NotImplementedException();
}

using NetworkBot.Core.Commands;
using NetworkBot.Core.Replies;

namespace NetworkBot.Core.Events;

/// <summary>The community's events as one field each, with their answers: for members and for managers.</summary>
internal static class EventListing
{
    /// <summary>A reply field of the first 25 events has room for; the events' own message when there are none.</summary>
    public static async Task<Reply> ReplyAsync(
        IEventStore store,
        CommandContext context,
        bool includeCancelled,
        string title,
        Func<Event, IReadOnlyList<Rsvp>, ReplyField> field,
        CancellationToken ct)
    {
        var events = await store.ListEventsAsync(context.Community.Id, includeCancelled, ct).ConfigureAwait(false);
        if (events.Count == 0)
        {
            return new Reply(context.Text(EventTexts.EventsNone));
        }

        var fields = new List<ReplyField>();
        foreach (var ev in events.Take(25))
        {
            fields.Add(field(ev, await store.ListRsvpsAsync(context.Community.Id, ev.Id, ct).ConfigureAwait(false)));
        }

        return new Reply(string.Empty) { Title = title, Fields = fields };
    }
}

using NetworkBot.Core.Commands;
using NetworkBot.Core.Replies;

namespace NetworkBot.Core.Events;

/// <summary>Finds the event an <c>event</c> option names: its id, or a title that only one of the community's events has.</summary>
internal static class EventReference
{
    /// <summary>The event, or the refusal to answer with.</summary>
    public static async Task<(Event? Event, Reply? Refusal)> FindAsync(IEventStore store, CommandContext context, CancellationToken ct)
    {
        var text = context.Options.Get(EventOptions.Event);
        if (await store.GetEventAsync(context.Community.Id, new EventId(text), ct).ConfigureAwait(false) is { } byId)
        {
            return (byId, null);
        }

        var byTitle = (await store.ListEventsAsync(context.Community.Id, includeCancelled: true, ct).ConfigureAwait(false))
            .Where(e => string.Equals(e.Title, text, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return byTitle.Count switch
        {
            1 => (byTitle[0], null),
            0 => (null, Reply.Error(context.Text(EventTexts.EventNotFound, text))),
            _ => (null, Reply.Error(context.Text(EventTexts.EventAmbiguous, text))),
        };
    }
}

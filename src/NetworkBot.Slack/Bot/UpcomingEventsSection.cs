using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Texts;

namespace NetworkBot.Slack.Bot;

/// <summary>
/// The community's next events on the App Home: each with its time (in the reader's zone), place and the member's
/// own answer, and a Going button for the ones not answered yet. Past, finished and cancelled events are left out.
/// </summary>
public sealed class UpcomingEventsSection(IEventStore store, TimeProvider time) : IAppHomeSection
{
    public const int MaxEvents = 3;

    public async Task<AppHomeSection> BuildAsync(Member member, Language language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        var now = time.GetUtcNow();
        var upcoming = (await store.ListEventsAsync(member.Community, includeCancelled: false, ct).ConfigureAwait(false))
            .Where(e => !e.Finished && e.Start + e.Duration > now)
            .OrderBy(e => e.Start)
            .Take(MaxEvents)
            .ToList();
        if (upcoming.Count == 0)
        {
            return new AppHomeSection([new ReplyField(EventTexts.EventsTitle.Get(language), EventTexts.EventsNone.Get(language))], []);
        }

        var fields = new List<ReplyField>();
        var buttons = new List<ReplyButton>();
        foreach (var ev in upcoming)
        {
            var answer = (await store.ListRsvpsAsync(member.Community, ev.Id, ct).ConfigureAwait(false)).FirstOrDefault(r => r.Member == member.Id);
            var where = string.IsNullOrWhiteSpace(ev.Place) ? "" : $" · {ev.Place}";
            var mine = answer is null ? "" : $"\n{EventCard.Status(answer.Status, language)}";
            fields.Add(new ReplyField(ev.Title, EventCard.When(ev) + where + mine));
            if (answer is null)
            {
                buttons.Add(new ReplyButton(
                    Messages.SlackHomeGoingTo.Format(language, ev.Title),
                    CommandInvocation.Of(EventCard.RsvpPath, (EventOptions.Event.Name, ev.Id.Value), (EventOptions.Status.Name, "going")),
                    ButtonStyle.Success));
            }
        }

        return new AppHomeSection(fields, buttons);
    }
}

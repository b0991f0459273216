using System.Globalization;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;

namespace NetworkBot.Host.Tests.Journeys;

/// <summary>
/// An event from the form to the next coffee round: announcement with RSVP buttons → Going until full → waitlist →
/// a member leaves → the promotion DM → the reminder DM → the answer changed from the reminder's own buttons →
/// the follow-up DM → both press connect → connection stored → "pair me" → favoured in the next coffee round.
/// </summary>
internal static class EventsJourney
{
    private const string Title = "Morning pitch";

    public static async Task WalkAsync(IJourneySurface s, CancellationToken ct)
    {
        await s.StartAsync("Mana", ct);
        await Journey.OkAsync(s, "Mana", $"/admin setup timezone:UTC announcement-channel:{s.Channel("events")}", ct);
        foreach (var member in new[] { "Aiko", "Ben", "Chen", "Dana", "Eve" })
        {
            await Journey.OkAsync(s, member, "/coffee join", ct);
        }

        // Thursday 08:00 UTC, three days after the journey's Monday morning.
        var form = await s.RunAsync("Mana", "/admin events create", ct);
        Assert.True(form.IsForm, $"/admin events create without options should open the form: {form}");
        var day = s.Clock.GetUtcNow().AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var created = await s.SubmitAsync("Mana", form, new Dictionary<string, string>
        {
            ["title"] = Title,
            ["date"] = day,
            ["time"] = "08:00",
            ["duration"] = "1h30m",
            ["place"] = "Tokyo office",
        }, ct);
        Assert.False(created.IsError, created.Text);
        await Journey.OkAsync(s, "Mana", $"/admin events edit event:\"{Title}\" capacity:3", ct);
        var ev = Assert.Single(await s.Store.ListEventsAsync(s.Community, includeCancelled: false, ct));
        Assert.Equal((TimeSpan.FromMinutes(90), (int?)3), (ev.Duration, ev.Capacity));

        // Going until full, then the waitlist.
        foreach (var member in new[] { "Aiko", "Ben", "Chen" })
        {
            var card = await s.NextAsync(member, m => m.Where == Place.Channel && m.Text.Contains(Title, StringComparison.Ordinal), ct);
            await s.PressAsync(member, card, EventTexts.ButtonGoing.En, ct);
        }

        var announcement = await s.NextAsync("Dana", m => m.Where == Place.Channel && m.Text.Contains(Title, StringComparison.Ordinal), ct);
        var waiting = await s.PressAsync("Dana", announcement, EventTexts.ButtonGoing.En, ct);
        Assert.Contains("waitlist", waiting.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(RsvpStatus.Waitlisted, await StatusAsync(s, ev, "Dana", ct));

        // Ben can't come after all: Dana moves up and is told by DM.
        await s.PressAsync("Ben", announcement, EventTexts.ButtonNotGoing.En, ct);
        var promoted = await s.NextAsync("Dana", m => m.Where == Place.Direct && m.Text.Contains(Title, StringComparison.Ordinal), ct);
        Assert.Contains("place", promoted.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(RsvpStatus.Going, await StatusAsync(s, ev, "Dana", ct));

        // A day before: the reminder, whose own buttons change the answer.
        await s.AdvanceAsync(TimeSpan.FromDays(2) - TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1), ct);
        var reminder = await s.NextAsync("Dana", m => m.Where == Place.Direct && m.Buttons.Contains(EventTexts.ButtonMaybe.En), ct);
        await s.PressAsync("Dana", reminder, EventTexts.ButtonMaybe.En, ct);
        Assert.Equal(RsvpStatus.Maybe, await StatusAsync(s, ev, "Dana", ct));
        await s.PressAsync("Dana", reminder, EventTexts.ButtonGoing.En, ct);
        Assert.Equal(RsvpStatus.Going, await StatusAsync(s, ev, "Dana", ct));

        // After the event: the follow-up, where Aiko and Chen connect and Aiko asks to meet the others.
        await s.AdvanceAsync(TimeSpan.FromDays(1) + TimeSpan.FromHours(3), ct);
        var aikos = await s.NextAsync("Aiko", m => m.Buttons.Any(b => b.StartsWith("Connect", StringComparison.Ordinal)), ct);
        var chens = await s.NextAsync("Chen", m => m.Buttons.Any(b => b.StartsWith("Connect", StringComparison.Ordinal)), ct);
        Assert.Equal((Place.Direct, Place.Direct), (aikos.Where, chens.Where));
        await s.PressAsync("Aiko", aikos, EventTexts.ButtonConnect.Format(Language.En, "Chen"), ct);
        Assert.Empty(await s.Store.ListConnectionsAsync(s.Community, s.Id("Aiko"), ct));
        await s.PressAsync("Chen", chens, EventTexts.ButtonConnect.Format(Language.En, "Aiko"), ct);
        var connection = Assert.Single(await s.Store.ListConnectionsAsync(s.Community, s.Id("Aiko"), ct));
        Assert.Contains(s.Id("Chen"), new[] { connection.A, connection.B });

        await s.PressAsync("Aiko", aikos, EventTexts.ButtonPairMe.En, ct);
        Assert.Equal([s.Id("Dana")], (await s.Store.ListPairWishesAsync(s.Community, ct)).Where(w => w.Member == s.Id("Aiko")).Select(w => w.Other));

        await Journey.OkAsync(s, "Mana", "/admin coffee run-now", ct);
        await s.NextAsync("Aiko", m => m.Text.Contains("you're this round's coffee group", StringComparison.Ordinal), ct);
        var round = await Journey.RoundAsync(s, 1, ct);
        Assert.Contains(round.Groups, g => g.Members.Contains(s.Id("Aiko")) && g.Members.Contains(s.Id("Dana")));
    }

    private static async Task<RsvpStatus?> StatusAsync(IJourneySurface s, Event ev, string member, CancellationToken ct) =>
        (await s.Store.ListRsvpsAsync(s.Community, ev.Id, ct)).SingleOrDefault(r => r.Member == s.Id(member))?.Status;
}

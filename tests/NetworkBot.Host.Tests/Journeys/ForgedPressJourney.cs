using NetworkBot.Core.Coffee;

namespace NetworkBot.Host.Tests.Journeys;

/// <summary>
/// A "did you meet?" button pressed by someone it was not sent to — another member of the community, and a
/// stranger — changes nothing; the member it was for can still answer with it afterwards.
/// </summary>
internal static class ForgedPressJourney
{
    public static async Task WalkAsync(IJourneySurface s, CancellationToken ct)
    {
        await s.StartAsync("Mana", ct);
        await Journey.OkAsync(s, "Mana", $"/admin setup timezone:UTC coffee-channel:{s.Channel("coffee")}", ct);
        await Journey.OkAsync(s, "Aiko", "/coffee join", ct);
        await Journey.OkAsync(s, "Ben", "/coffee join", ct);
        await Journey.OkAsync(s, "Eve", "/coffee status", ct);
        await Journey.OkAsync(s, "Mana", "/admin coffee run-now", ct);
        await s.AdvanceAsync(TimeSpan.FromDays(5), ct);
        var asked = await s.NextAsync("Aiko", m => m.Text.Contains(CoffeeTexts.RoundCheckIn.En, StringComparison.Ordinal), ct);
        var round = await Journey.RoundAsync(s, 1, ct);

        Assert.True((await s.PressAsync("Eve", asked, CoffeeTexts.ButtonMet.En, ct)).IsError);
        Assert.True((await s.PressAsync("Zed", asked, CoffeeTexts.ButtonMet.En, ct)).IsError);

        Assert.Empty(await s.Store.ListAnswersAsync(s.Community, round.Round.Id, ct));
        Assert.Empty(await s.Store.ListConnectionsAsync(s.Community, s.Id("Aiko"), ct));
        Assert.Empty(await s.Store.ListConnectionsAsync(s.Community, s.Id("Eve"), ct));

        await s.PressAsync("Aiko", asked, CoffeeTexts.ButtonMet.En, ct);
        Assert.Single(await s.Store.ListConnectionsAsync(s.Community, s.Id("Aiko"), ct));
    }
}

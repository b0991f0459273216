using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;

namespace NetworkBot.Host.Tests.Journeys;

/// <summary>
/// A coffee round lived through by its members on one surface: schedule → notice, one member skips from it →
/// round → group message → nudge → every member answers "did you meet?" where they got it → connections recorded
/// → "not yet" asked again → close → the manager's summary with the right meet rate → the next round keeps the
/// skip and the cooldown, and nobody who answered is counted as silent.
/// </summary>
internal static class CoffeeJourney
{
    private static readonly string[] Members = ["Aiko", "Ben", "Chen", "Dana", "Eve"];

    public static async Task WalkAsync(IJourneySurface s, CancellationToken ct)
    {
        await s.StartAsync("Mana", ct);
        await Journey.OkAsync(s, "Mana", $"/admin setup timezone:UTC coffee-channel:{s.Channel("coffee")}", ct);
        foreach (var member in Members)
        {
            Assert.Contains(CoffeeTexts.CoffeeJoined.En, (await Journey.OkAsync(s, member, "/coffee join", ct)).Text, StringComparison.Ordinal);
        }

        // Monday 09:00: weekly rounds on Wednesdays at 10:00 UTC, so the notice comes on Tuesday at 10:00.
        await Journey.OkAsync(s, "Mana", "/admin coffee schedule weekday:wed time:10:00 timezone:UTC group-size:2", ct);
        await s.AdvanceAsync(TimeSpan.FromHours(25), ct);
        var notice = await s.NextAsync("Eve", m => m.Buttons.Contains(CoffeeTexts.ButtonSkip.En), ct);
        Assert.Equal(Place.Direct, notice.Where);
        Assert.Contains(CoffeeTexts.CoffeeSkipping.En, (await s.PressAsync("Eve", notice, CoffeeTexts.ButtonSkip.En, ct)).Text, StringComparison.Ordinal);
        Assert.True((await Journey.MemberAsync(s, "Eve", ct)).Coffee.SkipNext);

        // Wednesday 10:00: the round, without Eve.
        await s.AdvanceAsync(TimeSpan.FromDays(1), ct);
        var seen = new Dictionary<string, Seen>(StringComparer.Ordinal) { ["Aiko"] = await s.NextAsync("Aiko", GroupMessage, ct) };
        var first = await Journey.RoundAsync(s, 1, ct);
        Assert.DoesNotContain(s.Id("Eve"), first.Groups.SelectMany(g => g.Members));
        Assert.Equal([2, 2], first.Groups.Select(g => g.Members.Count));
        var (a, b) = (Names(s, first.Groups[0]), Names(s, first.Groups[1]));
        foreach (var member in a.Concat(b))
        {
            var intro = seen.GetValueOrDefault(member) ?? await s.NextAsync(member, GroupMessage, ct);
            Assert.NotEqual(Place.Channel, intro.Where);
            Assert.All(a.Contains(member) ? a : b, name => Assert.Contains(name, intro.Text, StringComparison.Ordinal));
        }

        // The nudge at 40 % of the week, "did you meet?" at 70 %.
        await s.AdvanceAsync(TimeSpan.FromDays(7 * 0.4) + TimeSpan.FromMinutes(1), ct);
        await s.NextAsync(a[0], m => m.Text.Contains(CoffeeTexts.RoundNudge.En, StringComparison.Ordinal), ct);
        await s.AdvanceAsync(TimeSpan.FromDays(7 * 0.3), ct);
        var asked = new Dictionary<string, Seen>(StringComparer.Ordinal);
        foreach (var member in a.Concat(b))
        {
            asked[member] = await s.NextAsync(member, m => m.Text.Contains(CoffeeTexts.RoundCheckIn.En, StringComparison.Ordinal), ct);
        }

        // Group A met; in group B one says "not yet" and the other does not answer yet.
        foreach (var member in a)
        {
            var answer = await s.PressAsync(member, asked[member], CoffeeTexts.ButtonMet.En, ct);
            Assert.Contains("connection", answer.Text, StringComparison.OrdinalIgnoreCase);
            Assert.All(a.Where(other => other != member), other => Assert.Contains(other, answer.Text, StringComparison.Ordinal));
        }

        await s.PressAsync(b[0], asked[b[0]], CoffeeTexts.ButtonNotYet.En, ct);
        var connected = await s.Store.ListConnectionsAsync(s.Community, s.Id(a[0]), ct);
        Assert.Equal([s.Id(a[1])], connected.Select(c => c.A == s.Id(a[0]) ? c.B : c.A));

        // 90 %: group B is asked again, and both answer from that message.
        await s.AdvanceAsync(TimeSpan.FromDays(7 * 0.2), ct);
        foreach (var member in b)
        {
            var again = await s.NextAsync(member, m => m.Text.Contains(CoffeeTexts.RoundReask.En, StringComparison.Ordinal), ct);
            await s.PressAsync(member, again, CoffeeTexts.ButtonDidNotMeet.En, ct);
        }

        // Wednesday again: round 1 closes with one group of two met, and round 2 starts with Eve.
        await s.AdvanceAsync(TimeSpan.FromDays(7 * 0.1), ct);
        var summary = await s.NextAsync("Mana", m => m.Text.Contains("is over", StringComparison.Ordinal), ct);
        Assert.Equal(Place.Direct, summary.Where);
        Assert.Contains("1 groups met (50%)", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Paused for not answering: nobody", summary.Text, StringComparison.OrdinalIgnoreCase);
        foreach (var member in Members)
        {
            Assert.True((await Journey.MemberAsync(s, member, ct)).Coffee.MissedRounds == 0, $"{member} answered and is counted as silent.");
        }

        await s.NextAsync("Eve", GroupMessage, ct);
        var second = await Journey.RoundAsync(s, 2, ct);
        Assert.Contains(s.Id("Eve"), second.Groups.SelectMany(g => g.Members));
        var before = first.Groups.SelectMany(Pairs).ToHashSet();
        Assert.DoesNotContain(second.Groups.SelectMany(Pairs), before.Contains);
    }

    private static bool GroupMessage(Seen m) => m.Text.Contains("you're this round's coffee group", StringComparison.Ordinal);

    private static string[] Names(IJourneySurface s, Group group) =>
        [.. group.Members.Select(id => Members.Single(name => s.Id(name) == id))];

    private static IEnumerable<(MemberId, MemberId)> Pairs(Group grouped) =>
        from x in grouped.Members
        from y in grouped.Members
        where string.CompareOrdinal(x.Value, y.Value) < 0
        select (x, y);
}

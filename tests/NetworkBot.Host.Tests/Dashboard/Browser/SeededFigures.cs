using System.Globalization;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Tests.Dashboard;

namespace NetworkBot.Host.Tests.Dashboard.Browser;

/// <summary>
/// The numbers the dashboard's charts must show for a seeded community, worked out here from the seeded records and
/// the definitions the figures document (OverviewFigures, RoundFigures, EventFigures, InterestFigures), never through
/// the dashboard's own figure code: a page that reads the store wrongly disagrees with these.
/// </summary>
internal sealed class SeededFigures(SeededCommunity seeded)
{
    /// <summary>The rounds the overview's trends and the rounds chart span (OverviewFigures: "the last rounds").</summary>
    public const int Window = 12;

    private IReadOnlyList<RoundRecord> WindowRounds => [.. seeded.Rounds.TakeLast(Window)];

    /// <summary>The community's date at the bot's "now", in its time zone: what pauses are measured against.</summary>
    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(seeded.Seed.Now, TimeZoneInfo.FindSystemTimeZoneById(seeded.Community.Settings.TimeZone)).DateTime);

    /// <summary>As the pages write a number for machines (<c>data-value</c>): invariant, at most four decimals.</summary>
    public static string Shown(double value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>Each overview card's key with its value and its trend over the window's rounds, oldest first.</summary>
    public IReadOnlyDictionary<string, (double Value, IReadOnlyList<double> Trend)> Overview()
    {
        var members = seeded.Members;
        var rounds = WindowRounds;
        var grouped = rounds.Select(r => r.Groups.SelectMany(g => g.Members).ToHashSet()).ToList();
        var notGrouped = rounds.Select((r, i) => members.Count(m => m.Coffee.Joined && m.JoinedAt <= r.Round.StartedAt && !grouped[i].Contains(m.Id))).ToList();
        var optedIn = members.Count(m => m.Coffee.Joined);
        var active = members.Count(m => m.Coffee.Joined && !m.Coffee.SkipNext && (m.Coffee.PausedUntil is null || m.Coffee.PausedUntil <= Today));
        var industries = members.ToDictionary(m => m.Id, m => m.Profile.Industry);
        var metGroups = rounds.Select(r => r.Groups.Where(g => g.Outcome == MeetingOutcome.Met).ToList()).ToList();
        var pairs = metGroups.Select(groups => groups.SelectMany(g => g.Members.SelectMany((a, i) => g.Members.Skip(i + 1).Select(b => (a, b)))).ToList()).ToList();
        bool Cross((MemberId A, MemberId B) pair) =>
            industries[pair.A] is { } a && industries[pair.B] is { } b && !string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
        double ShareOf(int part, int whole) => whole == 0 ? 0 : part / (double)whole;
        int ConnectionsFrom(int i) => seeded.Connections.Count(c => c.Since >= rounds[i].Round.StartedAt && (i + 1 == rounds.Count || c.Since < rounds[i + 1].Round.StartedAt));

        var trendOf = new Dictionary<string, (double, IReadOnlyList<double>)>
        {
            ["members"] = (members.Count, [.. rounds.Select(r => (double)members.Count(m => m.JoinedAt <= r.Round.StartedAt))]),
            ["opted-in"] = (optedIn, [.. rounds.Select((_, i) => (double)(grouped[i].Count + notGrouped[i]))]),
            ["active"] = (active, [.. grouped.Select(g => (double)g.Count)]),
            ["paused"] = (optedIn - active, [.. notGrouped.Select(n => (double)n)]),
            ["rounds"] = (seeded.Rounds.Count, [.. rounds.Select((_, i) => (double)(seeded.Rounds.Count - rounds.Count + i + 1))]),
            ["meet-rate"] = (ShareOf(metGroups.Sum(g => g.Count), rounds.Sum(r => r.Groups.Count)), [.. rounds.Select((r, i) => ShareOf(metGroups[i].Count, r.Groups.Count))]),
            ["new-connections"] = (rounds.Count == 0 ? 0 : seeded.Connections.Count(c => c.Since >= rounds[0].Round.StartedAt), [.. rounds.Select((_, i) => (double)ConnectionsFrom(i))]),
            ["cross-industry"] = (ShareOf(pairs.Sum(p => p.Count(Cross)), pairs.Sum(p => p.Count)), [.. pairs.Select(p => ShareOf(p.Count(Cross), p.Count))]),

            // The seeded community asked for no introductions; asks carry no round trend.
            ["asks"] = (0, []),
            ["asks-accepted"] = (0, []),
            ["asks-connected"] = (0, []),
        };
        return trendOf;
    }

    /// <summary>The rounds chart: opted in → matched → answered → met for each of the window's rounds, oldest first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> Funnel()
    {
        var answeredBy = seeded.Answers.ToLookup(a => a.Group);
        var series = new Dictionary<string, IReadOnlyList<double>>();
        var rounds = WindowRounds;
        var matched = rounds.Select(r => r.Groups.SelectMany(g => g.Members).ToHashSet()).ToList();
        series["opted-in"] = [.. rounds.Select((r, i) => (double)(matched[i].Count
            + seeded.Members.Count(m => m.Coffee.Joined && m.JoinedAt <= r.Round.StartedAt && !matched[i].Contains(m.Id))))];
        series["matched"] = [.. matched.Select(m => (double)m.Count)];
        series["answered"] = [.. rounds.Select(r => (double)r.Groups.SelectMany(g => answeredBy[g.Id].Select(a => a.Member)).Distinct().Count())];
        series["met"] = [.. rounds.Select(r => (double)r.Groups.Where(g => g.Outcome == MeetingOutcome.Met).Sum(g => g.Members.Count))];
        return series;
    }

    /// <summary>The events chart: the answers to each event still ahead (neither cancelled nor finished), soonest first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> EventAnswers()
    {
        var open = seeded.Events.Where(e => !e.Cancelled && !e.Finished).OrderBy(e => e.Start).ToList();
        IReadOnlyList<double> Count(RsvpStatus status) => [.. open.Select(e => (double)seeded.Rsvps.Count(r => r.Event == e.Id && r.Status == status))];
        return new Dictionary<string, IReadOnlyList<double>>
        {
            ["going"] = Count(RsvpStatus.Going),
            ["maybe"] = Count(RsvpStatus.Maybe),
            ["not-going"] = Count(RsvpStatus.NotGoing),
            ["waitlisted"] = Count(RsvpStatus.Waitlisted),
        };
    }

    /// <summary>The interests chart: the open groups' sizes, largest first (then by name).</summary>
    public IReadOnlyList<double> InterestSizes() =>
        [.. seeded.Interests
            .Where(i => !i.Archived)
            .Select(i => (i.Name, Size: seeded.InterestMembers.Count(m => m.Interest == i.Id)))
            .OrderByDescending(i => i.Size).ThenBy(i => i.Name, StringComparer.Ordinal)
            .Select(i => (double)i.Size)];
}

using NetworkBot.Core.Coffee;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Dashboard;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Introductions;
using NetworkBot.Core.Privacy;

namespace NetworkBot.Host.Dashboard.Exports;

/// <summary>The rows of each export, read for one community and one date range; flat records, so a spreadsheet opens them as they are.</summary>
internal sealed class DashboardExportReader(DashboardFigures figures, IMemberStore members, ICoffeeStore coffee, IConnectionStore connections, IEventStore events, IAskStore asks)
{
    /// <summary>Members who joined before the range's end.</summary>
    public async Task<IReadOnlyList<MemberExport>> MembersAsync(CommunityId community, ExportRange range, CancellationToken ct) =>
        [.. (await figures.MembersAsync(community, null, ct).ConfigureAwait(false))
            .Where(m => range.Reached(m.JoinedAt))
            .Select(m => new MemberExport(m.Id.Value, m.Name, m.Industry, m.JoinedAt, m.OptedIn, m.Paused, m.LastRound, m.Answers, m.Connections))];

    /// <summary>Every group of the rounds that started in the range, oldest round first.</summary>
    public async Task<IReadOnlyList<RoundExport>> RoundsAsync(CommunityId community, ExportRange range, Language language, CancellationToken ct)
    {
        var names = await NamesAsync(community, ct).ConfigureAwait(false);
        var rows = new List<RoundExport>();
        foreach (var record in await coffee.ListRoundsAsync(community, int.MaxValue, ct).ConfigureAwait(false))
        {
            var round = record.Round;
            if (!range.Contains(round.StartedAt))
            {
                continue;
            }

            var answers = (await coffee.ListAnswersAsync(community, round.Id, ct).ConfigureAwait(false)).ToLookup(a => a.Group);
            rows.AddRange(record.Groups.Select(g => new RoundExport(
                round.Id.Value, round.StartedAt, round.GroupSize, round.Mode.ToString(), g.Id.Value,
                string.Join("; ", g.Members.Select(Id)), string.Join("; ", g.Members.Select(m => Name(names, m, language))),
                g.Outcome.ToString(), answers[g.Id].Count())));
        }

        return rows;
    }

    /// <summary>Connections made in the range, oldest first.</summary>
    public async Task<IReadOnlyList<ConnectionExport>> ConnectionsAsync(CommunityId community, ExportRange range, Language language, CancellationToken ct)
    {
        var names = await NamesAsync(community, ct).ConfigureAwait(false);
        return [.. (await connections.ListCommunityConnectionsAsync(community, ct).ConfigureAwait(false))
            .Where(c => range.Contains(c.Since))
            .Select(c => new ConnectionExport(Id(c.A), Name(names, c.A, language), Id(c.B), Name(names, c.B, language), c.Since))];
    }

    /// <summary>The answers to occurrences starting in the range and the attendance of past occurrences in it, by start.</summary>
    public async Task<IReadOnlyList<EventExport>> EventsAsync(CommunityId community, ExportRange range, Language language, CancellationToken ct)
    {
        var names = await NamesAsync(community, ct).ConfigureAwait(false);
        var list = await events.ListCalendarEventsAsync(community, DateTimeOffset.UnixEpoch, ct).ConfigureAwait(false);
        var byId = list.ToDictionary(e => e.Id);
        var rows = (await events.ListAttendanceAsync(community, ct).ConfigureAwait(false))
            .Where(a => range.Contains(a.Occurrence) && byId.ContainsKey(a.Event))
            .Select(a => Row(byId[a.Event], a.Occurrence, a.Member, "attended", null))
            .ToList();
        foreach (var ev in list.Where(e => range.Contains(e.Start)))
        {
            rows.AddRange((await events.ListRsvpsAsync(community, ev.Id, ct).ConfigureAwait(false))
                .Select(r => Row(ev, ev.Start, r.Member, AnswerName(r.Status), r.AnsweredAt)));
        }

        return [.. rows.OrderBy(r => r.Start).ThenBy(r => r.Event, StringComparer.Ordinal)];

        EventExport Row(Event ev, DateTimeOffset start, MemberId member, string answer, DateTimeOffset? at) =>
            new(ev.Id.Value, ev.Title, start, ev.Cancelled, Id(member), Name(names, member, language), answer, at);
    }

    /// <summary>The answer as JSON would name it (camelCase), the same in CSV.</summary>
    private static string AnswerName(RsvpStatus status) => status switch
    {
        RsvpStatus.Going => "going",
        RsvpStatus.Maybe => "maybe",
        RsvpStatus.NotGoing => "notGoing",
        _ => "waitlisted",
    };

    /// <summary>
    /// The asks made in the range, counted (one row): asks name their asker, candidates and request, which the managers'
    /// figures need none of. Counted as those made from the range's start less those made from its end.
    /// </summary>
    public async Task<IReadOnlyList<AskExport>> AsksAsync(CommunityId community, ExportRange range, CancellationToken ct)
    {
        var from = await asks.CountAsksAsync(community, range.From ?? DateTimeOffset.UnixEpoch, ct).ConfigureAwait(false);
        var after = range.Until is { } until ? await asks.CountAsksAsync(community, until, ct).ConfigureAwait(false) : new AskFigures(0, 0, 0);
        return [new AskExport(range.From, range.Until, from.Asks - after.Asks, from.Accepted - after.Accepted, from.Connected - after.Connected)];
    }

    private async Task<Dictionary<MemberId, string>> NamesAsync(CommunityId community, CancellationToken ct) =>
        (await members.ListMembersAsync(community, ct).ConfigureAwait(false)).ToDictionary(m => m.Id, m => m.DisplayName);

    /// <summary>
    /// A member's name in a row: a member no longer stored keeps their id in the row and the name is left empty rather than
    /// invented, but the placeholder an erased member left is "a former member", its id left out (<see cref="Id"/>).
    /// </summary>
    private static string Name(Dictionary<MemberId, string> names, MemberId member, Language language) =>
        ErasedMember.Is(member) ? PrivacyTexts.FormerMember.Get(language) : names.GetValueOrDefault(member, string.Empty);

    private static string Id(MemberId member) => DashboardFormat.MemberRef(member) ?? string.Empty;
}

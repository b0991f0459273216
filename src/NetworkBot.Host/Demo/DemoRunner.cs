using System.Globalization;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Introductions;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Pairing;
using NetworkBot.Core.Storage;
using NetworkBot.Host.Shell;
using Spectre.Console;

namespace NetworkBot.Host.Demo;

/// <summary>
/// <c>networkbot demo</c>: loads the demo community into the embedded database and runs three weekly coffee
/// rounds in a row (random, cross-industry, shared-interest), each seeing the ones before as history. Every
/// round is printed as a table with a summary line, then lived through on the shell clock: nudge, "did you
/// meet?" (answered by simulated members through the real command path), close and summary. Then the demo's asks
/// (<c>/ask</c>) go the whole way through the same commands and buttons a member would press: the first candidate says
/// yes, both are introduced, and a week later the follow-up records their connection.
/// </summary>
internal sealed class DemoRunner(
    IStoreMigrator migrator,
    IStore store,
    CoffeeRounds rounds,
    RoundScheduler scheduler,
    AskScheduler asks,
    CommandDispatcher dispatcher,
    OutboxDispatcher outbox,
    ShellPlatform shellPlatform,
    ShellConsole console,
    ShellClock clock)
{
    /// <summary>Shares of groups whose simulated members answer yes, not yet and no; the rest stay silent.</summary>
    private const double Yes = 0.7, NotYet = 0.1, No = 0.1;

    public const int Rounds = 3;

    private static readonly PairingMode[] Modes = [PairingMode.Random, PairingMode.CrossIndustry, PairingMode.SharedInterest];

    public async Task<int> RunAsync(long seed, CancellationToken ct)
    {
        var output = Output();
        var report = await migrator.MigrateAsync(ct).ConfigureAwait(false);
        var file = await DemoCommunityFile.LoadAsync(Path.Combine(AppContext.BaseDirectory, "config", "demo-community.json"), ct).ConfigureAwait(false);
        var community = file.ToCommunity(clock.GetUtcNow());
        var history = await store.ListRoundsAsync(community.Id, int.MaxValue, ct).ConfigureAwait(false);
        var pastRounds = history.Count;

        // Earlier demo runs lived through their weeks on the shell clock: time goes on from where they ended.
        if (history.Select(r => r.Round.ClosedAt ?? r.Round.EndsAt).Max() is { } lastEnd && lastEnd > clock.GetUtcNow())
        {
            clock.Skip(lastEnd - clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        }

        if (report.CreatedNew)
        {
            output.MarkupLineInterpolated($"[bold]Fresh database[/] created at {report.Location} (schema v{report.ToVersion}).");
        }
        else
        {
            output.MarkupLineInterpolated($"[bold]Reusing database[/] {report.Location} (schema v{report.ToVersion}); the demo community has {pastRounds} earlier rounds, which count as history.");
        }

        var members = file.ToMembers(clock.GetUtcNow());
        await store.SaveCommunityAsync(community, ct).ConfigureAwait(false);
        await store.SaveMembersAsync(members, ct).ConfigureAwait(false);
        output.MarkupLineInterpolated($"Loaded [bold]{community.Name}[/]: {members.Count} members, {members.Select(m => m.Profile.Industry).OfType<string>().Distinct().Count()} industries.");

        shellPlatform.Echo = false;
        var byId = members.ToDictionary(m => m.Id);
        var delivered = 0;
        for (var i = 0; i < Rounds; i++)
        {
            var settings = RoundSettings.Default with { Mode = Modes[i] };
            var roundSeed = seed + i;
            var endsAt = clock.GetUtcNow() + CoffeeRounds.DefaultLength;
            switch (await rounds.RunAsync(community.Id, settings, roundSeed, ct, endsAt: endsAt).ConfigureAwait(false))
            {
                case RoundOutcome.Started started:
                    output.WriteLine();
                    output.Write(Table(i + 1, settings.Mode, started.Round, byId));
                    output.WriteLine(Summary(i + 1, settings.Mode, started));
                    delivered += await DeliverAsync(ct).ConfigureAwait(false);
                    output.WriteLine(await LiveThroughAsync(started.Round, byId, roundSeed, ct).ConfigureAwait(false));
                    delivered += await DeliverAsync(ct).ConfigureAwait(false);
                    break;
                case RoundOutcome.NotPossible notPossible:
                    await console.Error.WriteLineAsync($"networkbot demo: round {i + 1} could not be made: {notPossible.Reason.Render(Language.En)}").ConfigureAwait(false);
                    return 1;
            }
        }

        foreach (var entry in file.Asks)
        {
            output.WriteLine();
            output.WriteLine(await WalkAskAsync(byId[new MemberId(entry.Asker)], entry.Request, byId, ct).ConfigureAwait(false));
            delivered += await DeliverAsync(ct).ConfigureAwait(false);
        }

        output.WriteLine();
        output.MarkupLineInterpolated($"Delivered {delivered} messages through the outbox (shell platform): introductions, nudges, check-ins, summaries. Try the commands yourself: [bold]networkbot shell[/].");
        return 0;
    }

    /// <summary>
    /// Skips to check-in time, lets simulated members answer "did you meet?" with the same buttons a person would
    /// press, then skips to the end of the round so the scheduler closes it and sends the manager the summary.
    /// </summary>
    private async Task<string> LiveThroughAsync(RoundRecord round, Dictionary<MemberId, Member> members, long seed, CancellationToken ct)
    {
        var start = round.Round.StartedAt;
        clock.Skip(round.Round.EndsAt!.Value - start - TimeSpan.FromDays(2));
        await scheduler.TickAsync(ct).ConfigureAwait(false);
        var random = new Random(unchecked((int)seed));
        foreach (var group in round.Groups)
        {
            var roll = random.NextDouble();
            var answer = roll < Yes ? "yes" : roll < Yes + NotYet ? "not-yet" : roll < Yes + NotYet + No ? "no" : null;
            if (answer is null)
            {
                continue;
            }

            var member = members[group.Members[0]];
            var options = new Dictionary<string, string> { [CoffeeOptions.Group.Name] = group.Id.Value, [CoffeeOptions.Answer.Name] = answer };
            await dispatcher.HandleAsync(new CommandRequest(member.Community, member.Id, member.DisplayName, "coffee met", options), ct).ConfigureAwait(false);
        }

        clock.Skip(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        await scheduler.TickAsync(ct).ConfigureAwait(false);
        var closed = await store.GetRoundAsync(round.Round.Community, round.Round.Id, ct).ConfigureAwait(false) ?? round;
        var met = closed.Groups.Count(g => g.Outcome == MeetingOutcome.Met);
        var connections = await RoundScheduler.ConnectionsDuringAsync(store, round.Round.Community, start, clock.GetUtcNow(), ct).ConfigureAwait(false);
        return string.Create(CultureInfo.InvariantCulture,
            $"  a week later (simulated answers): {met} of {closed.Groups.Count} groups met ({100.0 * met / closed.Groups.Count:F0}%), {connections} new connections, round closed and summary sent to the manager");
    }

    /// <summary>
    /// <paramref name="asker"/> asks; the candidate asked first answers yes with the button they received, which
    /// introduces them; a week later the follow-up is answered yes, which records their connection.
    /// </summary>
    private async Task<string> WalkAskAsync(Member asker, string request, Dictionary<MemberId, Member> members, CancellationToken ct)
    {
        Task Press(Member member, string path, params (string Name, string Value)[] options) =>
            dispatcher.HandleAsync(new CommandRequest(member.Community, member.Id, member.DisplayName, path, options.ToDictionary(o => o.Name, o => o.Value)), ct);

        var lines = new List<string> { $"Ask · {asker.DisplayName}: “{request}”" };
        await Press(asker, "ask", (AskOptions.Request.Name, request)).ConfigureAwait(false);
        var ask = (await store.ListMemberAsksAsync(asker.Community, asker.Id, ct).ConfigureAwait(false))[0];
        if (ask.Candidates.FirstOrDefault(c => c.Status == CandidateStatus.Asked) is not { } asked)
        {
            lines.Add("  nobody's offers answer it yet: it stays open for a new /offer");
            return string.Join('\n', lines);
        }

        var candidate = members[asked.Member];
        lines.Add($"  asked privately: {candidate.DisplayName} (offers “{asked.Offer}”) — yes");
        await Press(candidate, "asks answer", (AskOptions.Ask.Name, ask.Id.Value), (AskOptions.Answer.Name, "yes")).ConfigureAwait(false);
        lines.Add($"  introduced: {asker.DisplayName} and {candidate.DisplayName}, in one group message with both pitches");
        clock.Skip(AskSteps.FollowUpAfter + TimeSpan.FromMinutes(1));
        await asks.TickAsync(ct).ConfigureAwait(false);
        await Press(asker, "asks connected", (AskOptions.Ask.Name, ask.Id.Value), (AskOptions.Connected.Name, "yes")).ConfigureAwait(false);
        var connected = await store.GetAskAsync(asker.Community, ask.Id, ct).ConfigureAwait(false);
        lines.Add(connected?.ConnectedAt is null
            ? "  a week later: asked whether they connected, no answer yet"
            : "  a week later: “did you connect?” — yes: their connection is recorded");
        return string.Join('\n', lines);
    }

    private async Task<int> DeliverAsync(CancellationToken ct)
    {
        var delivered = 0;
        int batch;
        while ((batch = await outbox.DeliverDueAsync(ct).ConfigureAwait(false)) > 0)
        {
            delivered += batch;
        }

        return delivered;
    }

    private static Table Table(int number, PairingMode mode, RoundRecord round, Dictionary<MemberId, Member> members)
    {
        var table = new Table { Title = new TableTitle($"Round {number} · {mode.ToName()}") }
            .AddColumn("#")
            .AddColumn("Members")
            .AddColumn("Industries")
            .AddColumn("Shared interests");
        var index = 0;
        foreach (var group in round.Groups)
        {
            var people = group.Members.Select(id => members[id]).ToList();
            var shared = people
                .SelectMany(m => m.Profile.Interests.Distinct(StringComparer.OrdinalIgnoreCase))
                .GroupBy(x => x, StringComparer.OrdinalIgnoreCase)
                .Where(g => g.Count() > 1)
                .Select(g => g.Key)
                .ToList();
            table.AddRow(
                (++index).ToString(CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(" · ", people.Select(m => m.DisplayName))),
                Markup.Escape(string.Join(" · ", people.Select(m => m.Profile.Industry ?? "—"))),
                Markup.Escape(shared.Count == 0 ? "—" : string.Join(", ", shared)));
        }

        return table;
    }

    private static string Summary(int number, PairingMode mode, RoundOutcome.Started started)
    {
        var stats = started.Stats;
        var larger = stats.LargerGroups == 1 ? "trio" : "trios";
        return string.Create(CultureInfo.InvariantCulture,
            $"Round {number} ({mode.ToName()}): {stats.Members} members, {stats.Groups} groups, {stats.LargerGroups} {larger}, " +
            $"{stats.RepeatPairs} repeat pairs, cross-industry {stats.CrossIndustryShare * 100:F0}%, shared interests {stats.SharedInterestShare * 100:F0}%, " +
            $"seed {started.Round.Round.Seed}, {started.Elapsed.TotalMilliseconds:F0} ms");
    }

    /// <summary>Spectre output on the demo's console; wide enough that a piped table stays readable.</summary>
    private IAnsiConsole Output()
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Out),
            Ansi = console.IsInteractive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = console.IsInteractive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!console.IsInteractive)
        {
            ansi.Profile.Width = 200;
        }

        return ansi;
    }
}

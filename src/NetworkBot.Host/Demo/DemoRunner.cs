using System.Globalization;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Pairing;
using NetworkBot.Core.Platform;
using NetworkBot.Core.Storage;
using NetworkBot.Host.Shell;
using Spectre.Console;

namespace NetworkBot.Host.Demo;

/// <summary>
/// <c>networkbot demo</c>: loads the demo community into the embedded database and runs three coffee rounds
/// in a row (random, cross-industry, shared-interest), each seeing the ones before as history, and prints
/// every round as a table with a summary line.
/// </summary>
internal sealed class DemoRunner(
    IStoreMigrator migrator,
    IStore store,
    CoffeeRounds rounds,
    OutboxDispatcher outbox,
    ShellPlatform shellPlatform,
    ShellConsole console,
    TimeProvider time)
{
    public const int Rounds = 3;

    private static readonly PairingMode[] Modes = [PairingMode.Random, PairingMode.CrossIndustry, PairingMode.SharedInterest];

    public async Task<int> RunAsync(long seed, CancellationToken ct)
    {
        var output = Output();
        var report = await migrator.MigrateAsync(ct).ConfigureAwait(false);
        var file = await DemoCommunityFile.LoadAsync(Path.Combine(AppContext.BaseDirectory, "config", "demo-community.json"), ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var community = file.ToCommunity(now);
        var pastRounds = (await store.ListRoundsAsync(community.Id, int.MaxValue, ct).ConfigureAwait(false)).Count;
        if (report.CreatedNew)
        {
            output.MarkupLineInterpolated($"[bold]Fresh database[/] created at {report.Location} (schema v{report.ToVersion}).");
        }
        else
        {
            output.MarkupLineInterpolated($"[bold]Reusing database[/] {report.Location} (schema v{report.ToVersion}); the demo community has {pastRounds} earlier rounds, which count as history.");
        }

        var members = file.ToMembers(now);
        await store.SaveCommunityAsync(community, ct).ConfigureAwait(false);
        await store.SaveMembersAsync(members, ct).ConfigureAwait(false);
        output.MarkupLineInterpolated($"Loaded [bold]{community.Name}[/]: {members.Count} members, {members.Select(m => m.Profile.Industry).OfType<string>().Distinct().Count()} industries.");

        var byId = members.ToDictionary(m => m.Id);
        for (var i = 0; i < Rounds; i++)
        {
            var settings = RoundSettings.Default with { Mode = Modes[i] };
            var roundSeed = seed + i;
            switch (await rounds.RunAsync(community.Id, settings, roundSeed, ct).ConfigureAwait(false))
            {
                case RoundOutcome.Started started:
                    output.WriteLine();
                    output.Write(Table(i + 1, settings.Mode, started.Round, byId));
                    output.WriteLine(Summary(i + 1, settings.Mode, started));
                    break;
                case RoundOutcome.NotPossible notPossible:
                    await console.Error.WriteLineAsync($"networkbot demo: round {i + 1} could not be made: {notPossible.Reason.Render(Language.En)}").ConfigureAwait(false);
                    return 1;
            }
        }

        shellPlatform.Echo = false;
        var delivered = 0;
        int batch;
        while ((batch = await outbox.DeliverDueAsync(ct).ConfigureAwait(false)) > 0)
        {
            delivered += batch;
        }

        output.WriteLine();
        output.MarkupLineInterpolated($"Delivered {delivered} group messages through the outbox (shell platform). Try the commands yourself: [bold]networkbot shell[/].");
        return 0;
    }

    private static Table Table(int number, PairingMode mode, RoundRecord round, Dictionary<MemberId, Member> members)
    {
        var table = new Table { Title = new TableTitle($"Round {number} · {ModeName(mode)}") }
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
            $"Round {number} ({ModeName(mode)}): {stats.Members} members, {stats.Groups} groups, {stats.LargerGroups} {larger}, " +
            $"{stats.RepeatPairs} repeat pairs, cross-industry {stats.CrossIndustryShare * 100:F0}%, shared interests {stats.SharedInterestShare * 100:F0}%, " +
            $"seed {started.Round.Round.Seed}, {started.Elapsed.TotalMilliseconds:F0} ms");
    }

    private static string ModeName(PairingMode mode) => mode switch
    {
        PairingMode.CrossIndustry => "cross-industry",
        PairingMode.SharedInterest => "shared-interest",
        _ => "random",
    };

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

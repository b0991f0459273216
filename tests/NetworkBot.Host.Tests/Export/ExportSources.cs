using System.Collections.Concurrent;

namespace NetworkBot.Host.Tests.Export;

/// <summary>
/// One rich database per provider, made once for the class through the real verbs: the demo community (221 members,
/// three rounds, answers, connections, delivered messages) and a shell community with interest groups, a block, a
/// schedule, an event and RSVPs. Its export is what the round trips start from.
/// </summary>
public sealed class ExportSources : IDisposable
{
    public const string DemoCommunity = "shell:demo";

    public const string ShellCommunity = "shell:test";

    private const string ShellScript = """
        /admin setup language:en timezone:Asia/Tokyo intro-channel:intros coffee-channel:coffee announcement-channel:news
        /admin interests create rust description:"Systems programming"
        /admin interests create photography
        /admin interests archive photography
        /as Aiko Tanaka
        /intro set pitch:"I build payment APIs" role:Engineer industry:finance offers:"code review" seeks:"UX feedback" interests:rust,ai timezone:Asia/Tokyo
        /coffee join
        /interests join rust
        /as Ben Okafor
        /coffee join
        /ask someone who can give my code a review
        /as mana
        /coffee join
        /admin coffee run-now
        /wait 5d
        /press 1
        /as Ben Okafor
        /coffee block aiko-tanaka
        /as mana
        /admin coffee schedule weekday:mon time:10:00 cadence:every-2-weeks timezone:Europe/London group-size:2 mode:cross-industry cooldown:6
        /admin events create title:"Rust meetup" date:2030-06-03 time:19:00 timezone:Asia/Tokyo capacity:1 place:"Shibuya, Tokyo"
        /events show "Rust meetup"
        /press 1
        /as Aiko Tanaka
        /events show "Rust meetup"
        /press 1
        """;

    private readonly ConcurrentDictionary<string, Lazy<Task<(CliRunner Database, string Export)>>> sources = new();

    /// <summary>The rich database of <paramref name="provider"/> and its whole export.</summary>
    public Task<(CliRunner Database, string Export)> SourceAsync(string provider) =>
        sources.GetOrAdd(provider, p => new(() => MakeAsync(p))).Value;

    public void Dispose()
    {
        foreach (var source in sources.Values.Where(s => s.IsValueCreated && s.Value.IsCompletedSuccessfully))
        {
            source.Value.Result.Database.Dispose();
        }
    }

    private static async Task<(CliRunner Database, string Export)> MakeAsync(string provider)
    {
        var database = await ExportImportTests.DatabaseAsync(provider);
        var demo = await database.RunAsync(string.Empty, "demo");
        Assert.True(demo.Exit == 0, demo.Error);
        var shell = await database.RunAsync(ShellScript, "shell", "--community", "test", "--as", "mana");
        Assert.True(shell.Exit == 0, shell.Error);
        var export = await database.RunAsync(string.Empty, "export");
        Assert.True(export.Exit == 0, export.Error);
        return (database, export.Out);
    }
}

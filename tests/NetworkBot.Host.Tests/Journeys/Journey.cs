using NetworkBot.Core.Coffee;
using Microsoft.Data.Sqlite;
using NetworkBot.Core.Domain;
using NetworkBot.Storage;
using NetworkBot.Storage.LiteDb;
using NetworkBot.Tests;
using NetworkBot.Tests.Privacy;

namespace NetworkBot.Host.Tests.Journeys;

/// <summary>Steps every journey takes, on any surface.</summary>
internal static class Journey
{
    /// <summary>Runs a command that must succeed, and returns its answer.</summary>
    public static async Task<Seen> OkAsync(IJourneySurface s, string member, string line, CancellationToken ct)
    {
        var answer = await s.RunAsync(member, line, ct);
        Assert.False(answer.IsError, $"{line} was refused: {answer.Text}");
        return answer;
    }

    public static async Task<Member> MemberAsync(IJourneySurface s, string member, CancellationToken ct) =>
        await s.Store.GetMemberAsync(s.Community, s.Id(member), ct) ?? throw new Xunit.Sdk.XunitException($"{member} is not stored.");

    /// <summary>
    /// The member's stored row once <paramref name="handled"/> accepts it: for what the bot does without a word to anyone
    /// (a member leaving the platform or coming back), which only the store shows. Such an event is handled in moments; the
    /// guard ends a wait for one that never is.
    /// </summary>
    public static async Task<Member> StoredAsync(Core.Storage.IStore store, CommunityId community, MemberId member, Func<Member, bool> handled, CancellationToken ct)
    {
        while (true)
        {
            if (await store.GetMemberAsync(community, member, ct) is { } stored && handled(stored))
            {
                return stored;
            }

            await Task.Yield();
            ct.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// Searches the bot's whole database, past the store, for <paramref name="needles"/> (<see cref="StoreScan"/>). A LiteDB
    /// file is open in the bot, so its backup is searched: a checkpoint and a copy made on the bot's own writer.
    /// </summary>
    public static async Task<StoreScanResult> ScanAsync(IJourneySurface s, IReadOnlyList<string> needles, CancellationToken ct)
    {
        if (s.Provider != StorageOptions.LiteDbProvider)
        {
            return await StoreScan.SqliteAsync(new SqliteConnectionStringBuilder(s.ConnectionString).DataSource, needles, ct);
        }

        using var folder = new TempDatabase();
        var copy = Path.Combine(folder.Folder, "scanned.litedb");
        Assert.Null(await LiteDbBackup.BackupAsync(s.ConnectionString, copy, ct));
        return StoreScan.LiteDb(copy, needles);
    }

    /// <summary>No row of any table of the bot's database holds the member's id or display name.</summary>
    public static async Task AssertErasedAsync(IJourneySurface s, string member, CancellationToken ct)
    {
        var scan = await ScanAsync(s, [s.Id(member).Value, member], ct);
        Assert.Contains(scan.Tables, t => t.Equals("members", StringComparison.OrdinalIgnoreCase));
        Assert.True(scan.Hits.Count == 0, $"{member} is still stored:\n{string.Join('\n', scan.Rows)}");
    }

    /// <summary>The community's <paramref name="number"/>th round; called once a message of it was seen, so it is stored.</summary>
    public static async Task<RoundRecord> RoundAsync(IJourneySurface s, int number, CancellationToken ct)
    {
        var rounds = await s.Store.ListRoundsAsync(s.Community, int.MaxValue, ct);
        Assert.True(rounds.Count >= number, $"Round {number} is not stored; there are {rounds.Count}.");
        return rounds[number - 1];
    }
}

using LiteDB;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Intro;
using NetworkBot.Host.Tests.Journeys;
using NetworkBot.Slack.Tests.Fakes;
using NetworkBot.Storage;
using NetworkBot.Storage.LiteDb;
using NetworkBot.Storage.Sqlite;
using NetworkBot.Tests;

namespace NetworkBot.Host.Tests.Backup;

/// <summary>
/// <c>networkbot backup</c>, <c>run</c>'s daily backup and <c>networkbot restore</c> on a LiteDB file, through the real
/// verbs; what a restored file holds is read back through the store.
/// </summary>
public sealed partial class BackupTests
{
    private static readonly DateTimeOffset Joined = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CommunityId Tokyo = new("slack:T-TOKYO");

    [Fact]
    public async Task A_backup_restored_over_later_changes_reads_back_through_the_store_as_it_was_and_keeps_the_replaced_file()
    {
        var database = await StoredAsync("Hanako", "Taro");
        var copy = Path.Combine(files.Folder, "copies", "networkbot-backup.litedb");

        var backup = await database.RunAsync(string.Empty, "backup", copy);
        await SaveAsync(database, Member("Jiro"));
        var restore = await database.RunAsync(string.Empty, "restore", copy);

        Assert.True(backup.Exit == 0, backup.Error);
        Assert.StartsWith($"Backed up to {copy} (", backup.Out, StringComparison.Ordinal);
        Assert.Equal([copy], Directory.GetFiles(Path.GetDirectoryName(copy)!));
        Assert.True(restore.Exit == 0, restore.Error);
        var kept = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(database.DatabasePath)!, "networkbot.litedb.before-restore-*"));
        Assert.Contains($"the database it replaced is kept as {kept}", restore.Out, StringComparison.Ordinal);
        Assert.Equal(("Tokyo", "Asia/Tokyo", "Hanako, Taro"), await ReadAsync($"Filename={database.DatabasePath}"));
        Assert.Equal(("Tokyo", "Asia/Tokyo", "Hanako, Jiro, Taro"), await ReadAsync($"Filename={kept}"));
    }

    [Fact]
    public async Task While_run_holds_the_file_the_verb_is_refused_pointing_at_the_daily_backup_which_run_makes_and_which_restores()
    {
        var database = await StoredAsync("Hanako");
        var folder = Path.Combine(files.Folder, "backups");
        Directory.CreateDirectory(folder);
        database.Settings["Storage:Backups:Folder"] = folder;
        database.Settings["Slack:BotToken"] = "xoxb-fake-bot-token";
        database.Settings["Slack:SigningSecret"] = "fake-signing-secret-0123456789ab";
        database.Settings["Slack:ApiBaseUrl"] = slack.BaseUrl.ToString();
        database.Settings["Urls"] = "http://127.0.0.1:0";
        // No daily backup yet, so run makes one as it starts; its copy is renamed into place when whole.
        using var written = new FileSystemWatcher(folder) { EnableRaisingEvents = true };
        var daily = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        written.Renamed += (_, e) => daily.TrySetResult(e.FullPath);
        using var stop = new CancellationTokenSource();

        var run = await database.RunSkippingWaitsAsync(daily.Task, stop.Token);
        var refused = await database.RunAsync(string.Empty, "backup", Path.Combine(files.Folder, "manual.litedb"));
        var restoreRefused = await database.RunAsync(string.Empty, "restore", await daily.Task);
        await stop.CancelAsync();
        var ran = await run.WaitAsync(Guard);

        Assert.True(ran.Exit == 0, ran.Error);
        Assert.Equal((DatabaseLock.InUseExitCode, ""), (refused.Exit, refused.Out));
        Assert.StartsWith($"networkbot backup: the database {database.DatabasePath} is in use by another NetworkBot process (pid {Environment.ProcessId}, ", refused.Error, StringComparison.Ordinal);
        Assert.EndsWith(
            $", `run`), and only the process that holds a LiteDB file can copy it: 'run' backs it up daily into {folder} (Storage:Backups:Keep), or stop it and run 'networkbot backup' then.{Environment.NewLine}",
            refused.Error,
            StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(files.Folder, "manual.litedb")));
        Assert.Equal(DatabaseLock.InUseExitCode, restoreRefused.Exit);
        Assert.Matches(@"networkbot-daily-\d{8}T\d{6}Z\.db$", await daily.Task);
        Assert.Null(LiteDbBackup.RestorableProblem(await daily.Task));
        var restored = Runner(StorageOptions.LiteDbProvider);
        var restore = await restored.RunAsync(string.Empty, "restore", await daily.Task);
        Assert.True(restore.Exit == 0, restore.Error);
        Assert.Equal(("Tokyo", "Asia/Tokyo", "Hanako"), await ReadAsync(restored.ConnectionString));
    }

    [Fact]
    public async Task A_restore_of_a_file_that_is_not_a_NetworkBot_LiteDB_file_of_a_known_version_is_refused_in_one_line_and_changes_nothing()
    {
        var target = await StoredAsync("Hanako");
        var migrated = await target.RunAsync(string.Empty, "migrate");
        var latest = int.Parse(migrated.Out[(migrated.Out.LastIndexOf(' ') + 1)..].TrimEnd().TrimEnd('.', ')'), System.Globalization.CultureInfo.InvariantCulture);
        var text = Path.Combine(files.Folder, "notes.litedb");
        await File.WriteAllTextAsync(text, string.Concat(Enumerable.Repeat("not a database at all\n", 2000)), Guard);
        var plain = Path.Combine(files.Folder, "plain.litedb");
        var newer = Path.Combine(files.Folder, "newer.litedb");
        using (var db = new LiteDatabase($"Filename={plain}"))
        {
            db.GetCollection("notes").Insert(new BsonDocument { ["text"] = "someone else's" });
        }

        using (var db = new LiteDatabase($"Filename={newer}"))
        {
            db.UserVersion = latest + 1;
        }

        var notLiteDb = await target.RunAsync(string.Empty, "restore", text);
        var notOurs = await target.RunAsync(string.Empty, "restore", plain);
        var tooNew = await target.RunAsync(string.Empty, "restore", newer);

        Assert.Equal(1, notLiteDb.Exit);
        Assert.StartsWith($"networkbot restore: {text} is not a readable LiteDB file (", notLiteDb.Error, StringComparison.Ordinal);
        Assert.EndsWith($"). Nothing was changed.{Environment.NewLine}", notLiteDb.Error, StringComparison.Ordinal);
        Assert.Equal(string.Concat(Enumerable.Repeat("not a database at all\n", 2000)), await File.ReadAllTextAsync(text, Guard));
        Assert.Equal((1, $"networkbot restore: {plain} is a LiteDB file but not NetworkBot's (it has no schema version). Nothing was changed.{Environment.NewLine}"), (notOurs.Exit, notOurs.Error));
        Assert.Equal(
            (1, $"networkbot restore: {newer} has schema version {latest + 1}, newer than the {latest} this build knows; restore it with a newer build. Nothing was changed.{Environment.NewLine}"),
            (tooNew.Exit, tooNew.Error));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(target.DatabasePath)!, "*.before-restore-*"));
        Assert.Equal(("Tokyo", "Asia/Tokyo", "Hanako"), await ReadAsync(target.ConnectionString));
    }

    private static Community Community() => new(Tokyo, "Tokyo", CommunitySettings.Default with { TimeZone = "Asia/Tokyo" }, Joined);

    private static Member Member(string name) =>
        new(Tokyo, new MemberId("U-" + name.ToUpperInvariant()), name, Profile.Empty with { Pitch = $"{name}'s pitch" }, CoffeeEnrollment.NotJoined, Joined);

    /// <summary>A migrated LiteDB file holding the community and <paramref name="members"/>.</summary>
    private async Task<CliRunner> StoredAsync(params string[] members)
    {
        var database = Runner(StorageOptions.LiteDbProvider);
        Assert.Equal(0, (await database.RunAsync(string.Empty, "migrate")).Exit);
        using var reader = new JourneyStore(database.ConnectionString, StorageOptions.LiteDbProvider);
        await reader.Store.SaveCommunityAsync(Community(), Guard);
        await reader.Store.SaveMembersAsync([.. members.Select(Member)], Guard);
        return database;
    }

    private async Task SaveAsync(CliRunner database, Member member)
    {
        using var reader = new JourneyStore(database.ConnectionString, StorageOptions.LiteDbProvider);
        await reader.Store.SaveMemberAsync(member, Guard);
    }

    /// <summary>The community's name and time zone and its members' names, read through the store from the LiteDB file of <paramref name="connectionString"/>.</summary>
    private async Task<(string? Community, string? TimeZone, string Members)> ReadAsync(string connectionString)
    {
        using var reader = new JourneyStore(connectionString, StorageOptions.LiteDbProvider);
        var members = await reader.Store.ListMembersAsync(Tokyo, Guard);
        Assert.All(members, m => Assert.Equal($"{m.DisplayName}'s pitch", m.Profile.Pitch));
        var community = await reader.Store.GetCommunityAsync(Tokyo, Guard);
        return (community?.Name, community?.Settings.TimeZone, string.Join(", ", members.Select(m => m.DisplayName).Order(StringComparer.Ordinal)));
    }
}

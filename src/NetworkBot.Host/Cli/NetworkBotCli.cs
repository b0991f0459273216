using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Pairing;
using NetworkBot.Core.Storage;
using NetworkBot.Host.Demo;
using NetworkBot.Host.Hosting;
using NetworkBot.Host.Shell;
using NetworkBot.Pairing.Json;
using NetworkBot.Slack;
using NetworkBot.Storage;
using NetworkBot.Storage.Export;
using NetworkBot.Storage.LiteDb;
using NetworkBot.Storage.Sqlite;

namespace NetworkBot.Host.Cli;

/// <summary>
/// The <c>networkbot</c> verbs. Tests construct it with their own console and configuration, and may give the
/// verbs a clock they move by hand.
/// </summary>
internal sealed class NetworkBotCli(ShellConsole console, IReadOnlyDictionary<string, string?> overrides, TimeProvider? clock = null)
{
    /// <summary>
    /// The exit code of a process stopped by a condition it cannot go on with (see <see cref="StoppingOnFatalAsync"/>):
    /// the same as <c>run</c>'s when one of its parts fails, which is how such a condition reaches it while it runs.
    /// </summary>
    public const int FatalExitCode = RunCommand.PartFailedExitCode;

    public Task<int> InvokeAsync(string[] args, CancellationToken ct)
    {
        var root = new RootCommand("NetworkBot — coffee chats, introductions, interest groups and events for Discord and Slack communities.");
        root.Subcommands.Add(RunVerb());
        root.Subcommands.Add(DemoVerb());
        root.Subcommands.Add(ShellVerb());
        root.Subcommands.Add(DashboardVerb());
        root.Subcommands.Add(PairVerb());
        root.Subcommands.Add(MigrateVerb());
        root.Subcommands.Add(ExportVerb());
        root.Subcommands.Add(ImportVerb());
        root.Subcommands.Add(BackupVerb());
        root.Subcommands.Add(RestoreVerb());
        root.Subcommands.Add(SlackManifestVerb());
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, ct);
    }

    private Command RunVerb()
    {
        var verb = new Command("run", "Run the bot: connects to Discord and/or Slack as configured.");
        verb.SetAction((_, ct) => StoppingOnFatalAsync(() => RunCommand.RunAsync(console, overrides, clock, ct)));
        return verb;
    }

    private Command DemoVerb()
    {
        var seed = new Option<long>("--seed") { Description = "Seed of the first round (the next rounds add 1).", DefaultValueFactory = _ => 20261121 };
        var verb = new Command("demo", "Load the demo community into the embedded database and run three coffee rounds.") { seed };
        verb.SetAction((parse, ct) => WithServicesAsync("demo", services =>
            services.GetRequiredService<DemoRunner>().RunAsync(parse.GetValue(seed), ct), ct, migrate: false));
        return verb;
    }

    private Command DashboardVerb()
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen, loopback only (default: the Urls setting, else {WebOptions.DefaultUrl})." };
        var verb = new Command("dashboard", "Serve the managers' dashboard of the stored communities on this machine only, without sign-in (no chat platform needed).") { urls };
        verb.SetAction((parse, ct) => StoppingOnFatalAsync(() => DashboardCommand.RunAsync(console, overrides, parse.GetValue(urls), clock, ct)));
        return verb;
    }

    private Command ShellVerb()
    {
        var community = new Option<string>("--community") { Description = "Name of the local community.", DefaultValueFactory = _ => "local" };
        var member = new Option<string>("--as") { Description = "Who is typing first (the first member of a new community is its manager).", DefaultValueFactory = _ => "me" };
        var verb = new Command("shell", "Chat with NetworkBot in the terminal, using the same commands as Discord and Slack.") { community, member };
        verb.SetAction((parse, ct) => WithServicesAsync("shell", services =>
            services.GetRequiredService<ShellSession>().RunAsync(CommunityId.For(ShellPlatform.Name, parse.GetValue(community)!), parse.GetValue(member)!, ct), ct));
        return verb;
    }

    private Command PairVerb()
    {
        var verb = new Command("pair", "Read a pairing request (JSON) on stdin and write the groups (JSON) on stdout.");
        verb.SetAction(async (_, ct) =>
        {
            PairingRequest? request;
            string? error;
            if (ReferenceEquals(console.In, Console.In))
            {
                // The process's own stdin is read as UTF-8 bytes, a window at a time: a 100,000-member request is
                // ~80 MB of text, which held whole would be the largest object of the run, and twice that as a string.
                await using var stdin = Console.OpenStandardInput();
                PairingJson.TryReadRequest(stdin, out request, out error);
            }
            else
            {
                PairingJson.TryReadRequest(await console.In.ReadToEndAsync(ct).ConfigureAwait(false), out request, out error);
            }

            if (request is null)
            {
                await console.Error.WriteLineAsync($"networkbot pair: {error}").ConfigureAwait(false);
                return 2;
            }

            switch (new PairingEngine().Match(request))
            {
                case PairingOutcome.Success success when ReferenceEquals(console.Out, Console.Out):
                    // Straight to the process's stdout as UTF-8: 100,000 members' groups are megabytes of text.
                    await using (var stdout = Console.OpenStandardOutput())
                    {
                        PairingJson.WriteResult(success.Result, stdout);
                        await stdout.WriteAsync(Encoding.UTF8.GetBytes(Environment.NewLine), ct).ConfigureAwait(false);
                    }

                    return 0;
                case PairingOutcome.Success success:
                    await console.Out.WriteLineAsync(PairingJson.WriteResult(success.Result)).ConfigureAwait(false);
                    return 0;
                case PairingOutcome.Failure failure:
                    await console.Error.WriteLineAsync($"networkbot pair: {failure.Message}").ConfigureAwait(false);
                    return 1;
                default:
                    throw new InvalidOperationException("Unknown pairing outcome.");
            }
        });
        return verb;
    }

    private Command MigrateVerb()
    {
        var verb = new Command("migrate", "Create or upgrade the database schema, then exit.");
        verb.SetAction((_, ct) => WithServicesAsync("migrate", async services =>
        {
            var report = await services.GetRequiredService<IStoreMigrator>().MigrateAsync(ct).ConfigureAwait(false);
            await console.Out.WriteLineAsync(report.FromVersion == report.ToVersion
                ? $"{report.Location}: schema is up to date (version {report.ToVersion})."
                : $"{report.Location}: schema upgraded from version {report.FromVersion} to {report.ToVersion}.").ConfigureAwait(false);
            return 0;
        }, ct, migrate: false));
        return verb;
    }

    private Command ExportVerb()
    {
        var community = new Option<string?>("--community") { Description = "Only this community, by its id (e.g. discord:81384788765712384)." };
        var verb = new Command("export", "Write everything stored as one versioned JSON document on stdout (a backup, or a move to another store).") { community };
        verb.SetAction((parse, ct) => WithServicesAsync("export", async services =>
        {
            var store = services.GetRequiredService<IExportStore>();
            var chosen = parse.GetValue(community);
            var ids = chosen is null ? await store.ListCommunityIdsAsync(ct).ConfigureAwait(false) : [new CommunityId(chosen)];
            var communities = new List<CommunityExport>();
            foreach (var id in ids)
            {
                if (await store.ExportCommunityAsync(id, ct).ConfigureAwait(false) is not { } export)
                {
                    await console.Error.WriteLineAsync($"networkbot export: no community {id} is stored here.").ConfigureAwait(false);
                    return 1;
                }

                communities.Add(export);
            }

            await console.Out.WriteAsync(ExportDocument.Write(communities)).ConfigureAwait(false);
            return 0;
        }, ct));
        return verb;
    }

    private Command ImportVerb()
    {
        var verb = new Command("import", "Read an export (JSON) on stdin and store its communities, all of them or none.");
        verb.SetAction((_, ct) => WithServicesAsync("import", async services =>
        {
            if (!ExportDocument.TryRead(await console.In.ReadToEndAsync(ct).ConfigureAwait(false), out var communities, out var error))
            {
                await console.Error.WriteLineAsync($"networkbot import: {error} Nothing was imported.").ConfigureAwait(false);
                return 2;
            }

            if (await services.GetRequiredService<IExportStore>().ImportCommunitiesAsync(communities, ct).ConfigureAwait(false) is { } refusal)
            {
                await console.Error.WriteLineAsync($"networkbot import: {refusal.Reason}. Nothing was imported.").ConfigureAwait(false);
                return 1;
            }

            await console.Out.WriteLineAsync(
                $"Imported {communities.Count} {(communities.Count == 1 ? "community" : "communities")}: {string.Join(", ", communities.Select(c => c.Id))}.").ConfigureAwait(false);
            return 0;
        }, ct));
        return verb;
    }

    /// <summary>
    /// <c>backup [PATH]</c>. On SQLite it takes no <see cref="DatabaseLock"/>: SQLite's online backup only reads, through
    /// SQLite's own locking, so it runs beside the <c>run</c> that holds the database (in WAL mode it neither waits for
    /// nor blocks its writes). A LiteDB file can be copied consistently only by the process that has it open
    /// (<see cref="Storage.LiteDb.LiteDbBackup"/>), so on LiteDB the verb holds the file while it copies, and while
    /// <c>run</c> holds it the verb is refused with a line pointing at <c>run</c>'s own daily backups.
    /// </summary>
    private Command BackupVerb()
    {
        var path = new Argument<string?>("PATH") { Description = "Where to write the copy (a new file); default: a timestamped file in Storage:Backups:Folder.", Arity = ArgumentArity.ZeroOrOne };
        var verb = new Command("backup", "Copy the embedded database to a new file, consistently (SQLite: even while 'run' is running; LiteDB: 'run' makes daily copies itself).") { path };
        verb.SetAction((parse, ct) => WithServicesAsync(null, async services =>
        {
            var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (storage.IsPostgres)
            {
                await console.Error.WriteLineAsync("networkbot backup: the database is PostgreSQL; use pg_dump (pg_dump --format=custom \"$DATABASE\" > networkbot.dump), which copies it consistently while the bot runs.").ConfigureAwait(false);
                return 1;
            }

            using var database = storage.IsLiteDb ? await DatabaseGate.EnterAsync(services, "backup", console, LiteDbBackupRefusal).ConfigureAwait(false) : null;
            if (storage.IsLiteDb && database is null)
            {
                return DatabaseLock.InUseExitCode;
            }

            var target = Path.GetFullPath(parse.GetValue(path)
                ?? SqliteBackup.TimestampedPath(storage.Backups.Folder, SqliteBackup.VerbPrefix, services.GetRequiredService<TimeProvider>().GetUtcNow()));
            if (await EmbeddedBackup.BackupAsync(storage, target, ct).ConfigureAwait(false) is { } refusal)
            {
                await console.Error.WriteLineAsync($"networkbot backup: {refusal}").ConfigureAwait(false);
                return 1;
            }

            await console.Out.WriteLineAsync($"Backed up to {target} ({new FileInfo(target).Length} bytes).").ConfigureAwait(false);
            return 0;
        }, ct, migrate: false));
        return verb;
    }

    /// <summary>Why <c>backup</c> cannot copy a LiteDB file another process holds, and what makes the copies instead.</summary>
    private static string LiteDbBackupRefusal(StorageOptions storage, DatabaseLockHolder? holder) =>
        $"networkbot backup: {DatabaseLock.InUse(storage, holder)}, and only the process that holds a LiteDB file can copy it: " +
        $"'run' backs it up daily into {Path.GetFullPath(storage.Backups.Folder)} (Storage:Backups:Keep), or stop it and run 'networkbot backup' then.";

    private Command RestoreVerb()
    {
        var path = new Argument<string>("PATH") { Description = "The backup to restore (a file 'networkbot backup' wrote)." };
        var verb = new Command("restore", "Put a backup in the place of the embedded database, keeping the current one beside it (stop 'run' first).") { path };
        verb.SetAction((parse, ct) => WithServicesAsync("restore", async services =>
        {
            var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (storage.IsPostgres)
            {
                await console.Error.WriteLineAsync("networkbot restore: the database is PostgreSQL; restore a pg_dump with pg_restore.").ConfigureAwait(false);
                return 1;
            }

            var backup = parse.GetValue(path)!;
            if (await EmbeddedBackup.RestorableProblemAsync(storage, backup, ct).ConfigureAwait(false) is { } problem)
            {
                await console.Error.WriteLineAsync($"networkbot restore: {problem} Nothing was changed.").ConfigureAwait(false);
                return 1;
            }

            var kept = await EmbeddedBackup.RestoreAsync(storage, backup, services.GetRequiredService<TimeProvider>().GetUtcNow(), ct).ConfigureAwait(false);
            await console.Out.WriteLineAsync(kept is null
                ? $"Restored {Path.GetFullPath(backup)}; the next start migrates it if it is older."
                : $"Restored {Path.GetFullPath(backup)}; the database it replaced is kept as {kept}; the next start migrates it if it is older.").ConfigureAwait(false);
            return 0;
        }, ct, migrate: false));
        return verb;
    }

    private Command SlackManifestVerb()
    {
        var socketMode = new Option<bool>("--socket-mode") { Description = "Receive over Socket Mode (no public URL needed).", DefaultValueFactory = _ => true };
        var url = new Option<string?>("--url") { Description = "HTTP mode instead: the public https URL where 'networkbot run' serves /slack/…." };
        var verb = new Command("slack-manifest", "Print a Slack app manifest (JSON) with the scopes, slash command and events NetworkBot needs.") { socketMode, url };
        verb.SetAction((parse, ct) => WithServicesAsync(null, async services =>
        {
            var text = parse.GetValue(url);
            Uri? publicUrl = null;
            if (text is not null && (!Uri.TryCreate(text, UriKind.Absolute, out publicUrl) || publicUrl.Scheme != Uri.UriSchemeHttps))
            {
                await console.Error.WriteLineAsync("networkbot slack-manifest: --url must be an absolute https URL (Slack only calls https).").ConfigureAwait(false);
                return 2;
            }

            if (publicUrl is null && !parse.GetValue(socketMode))
            {
                await console.Error.WriteLineAsync("networkbot slack-manifest: without Socket Mode, Slack needs request URLs: give --url https://your-host.").ConfigureAwait(false);
                return 2;
            }

            var command = services.GetRequiredService<IOptions<SlackOptions>>().Value.Command;
            var manifest = SlackManifest.Build(command, publicUrl);
            await console.Out.WriteLineAsync(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })).ConfigureAwait(false);
            return 0;
        }, ct, migrate: false));
        return verb;
    }

    /// <summary>
    /// Runs a verb; a condition the process cannot go on with — a schema from a newer build, a store unreachable for too
    /// long, a LiteDB file the engine cannot use — ends it with one line saying why and <see cref="FatalExitCode"/>, not a stack trace.
    /// </summary>
    private async Task<int> StoppingOnFatalAsync(Func<Task<int>> verb)
    {
        try
        {
            return await verb().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SchemaNewerThanBuildException or StoreUnavailableException or LiteDbFailureException)
        {
            await console.Error.WriteLineAsync($"networkbot: {exception.Message}").ConfigureAwait(false);
            return FatalExitCode;
        }
    }

    /// <summary>
    /// Builds the services, stops with one line per configuration problem, holds the database for <paramref name="verb"/>
    /// (none for a verb that does not open it, or only reads it through SQLite's own locking: <c>backup</c>), migrates,
    /// then runs <paramref name="work"/>.
    /// </summary>
    private Task<int> WithServicesAsync(string? verb, Func<IServiceProvider, Task<int>> work, CancellationToken ct, bool migrate = true) =>
        StoppingOnFatalAsync(() => WithBuiltServicesAsync(verb, work, ct, migrate));

    private async Task<int> WithBuiltServicesAsync(string? verb, Func<IServiceProvider, Task<int>> work, CancellationToken ct, bool migrate)
    {
        var (host, problems) = NetworkBotHost.BuildForVerb(console, overrides, clock);
        if (host is null)
        {
            foreach (var problem in problems)
            {
                await console.Error.WriteLineAsync($"networkbot: configuration: {problem}").ConfigureAwait(false);
            }

            return 2;
        }

        using (host)
        {
            using var database = verb is null ? null : await DatabaseGate.EnterAsync(host.Services, verb, console).ConfigureAwait(false);
            if (verb is not null && database is null)
            {
                return DatabaseLock.InUseExitCode;
            }

            if (migrate)
            {
                await host.Services.GetRequiredService<IStoreMigrator>().MigrateAsync(ct).ConfigureAwait(false);
            }

            return await work(host.Services).ConfigureAwait(false);
        }
    }
}

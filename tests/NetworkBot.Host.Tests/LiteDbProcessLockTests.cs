using System.Globalization;
using NetworkBot.Bench.Answers;
using NetworkBot.Storage;
using NetworkBot.Storage.Sqlite;

namespace NetworkBot.Host.Tests;

/// <summary>
/// One process per LiteDB file, between real processes: LiteDB's own share mode does not keep a second process out of
/// the file on Linux, the one-process lock does.
/// </summary>
public sealed class LiteDbProcessLockTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly CliRunner verbs = new(StorageOptions.LiteDbProvider);

    public void Dispose() => verbs.Dispose();

    [Fact]
    public async Task While_a_run_process_holds_the_file_another_process_and_this_one_are_refused_and_once_it_stopped_the_file_opens()
    {
        var folder = Path.GetDirectoryName(verbs.DatabasePath)!;
        var executable = Path.Combine(AppContext.BaseDirectory, "networkbot.dll");
        // Discord where nothing listens: run holds the file and waits to try again, which is all this test needs of it
        // (how it ends when stopped that early is the crash tests' subject, not this one's).
        var settings = new Dictionary<string, string>
        {
            ["Discord__Token"] = "lock-bot-token",
            ["Discord__ApiBaseUrl"] = "http://127.0.0.1:1/",
            ["Storage__Provider"] = StorageOptions.LiteDbProvider,
            ["Storage__ConnectionString"] = verbs.ConnectionString,
        };
        using var holderWritten = new FileSystemWatcher(folder, Path.GetFileName(verbs.DatabasePath) + ".lock.holder") { EnableRaisingEvents = true };
        var holds = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var first = BotProcess.Start(executable, folder, settings, "first.log");
        var firstPid = "pid=" + first.Id.ToString(CultureInfo.InvariantCulture);
        FileSystemEventHandler written = (_, e) =>
        {
            try
            {
                if (File.ReadAllText(e.FullPath).Contains(firstPid, StringComparison.Ordinal))
                {
                    holds.TrySetResult();
                }
            }
            catch (IOException)
            {
                // Being written: the next event reads it whole.
            }
        };
        holderWritten.Created += written;
        holderWritten.Changed += written;
        await holds.Task.WaitAsync(Patience);

        using (var second = BotProcess.Start(executable, folder, settings, "second.log"))
        {
            Assert.True(await second.WaitForExitAsync(Patience), "the second run did not stop by itself");
            Assert.Equal(DatabaseLock.InUseExitCode, second.ExitCode);
        }

        var here = await verbs.RunAsync(string.Empty, "migrate");
        first.Terminate();
        Assert.True(await first.WaitForExitAsync(Patience));
        var after = await verbs.RunAsync(string.Empty, "migrate");

        var refusal = Assert.Single(File.ReadAllLines(Path.Combine(folder, "second.log")));
        Assert.StartsWith($"networkbot: the database {verbs.DatabasePath} is in use by another NetworkBot process (pid {first.Id}, started ", refusal, StringComparison.Ordinal);
        Assert.Equal(DatabaseLock.InUseExitCode, here.Exit);
        Assert.StartsWith($"networkbot: the database {verbs.DatabasePath} is in use by another NetworkBot process (pid {first.Id}, ", here.Error, StringComparison.Ordinal);
        Assert.True(after.Exit == 0, after.Error);
        Assert.StartsWith($"{verbs.DatabasePath}: schema is up to date (version ", after.Out, StringComparison.Ordinal);
    }
}

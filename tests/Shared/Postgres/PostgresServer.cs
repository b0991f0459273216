using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace NetworkBot.Tests.Postgres;

/// <summary>
/// A throw-away PostgreSQL server: a fresh cluster in a temporary folder, listening on 127.0.0.1 and a free
/// port with trust authentication, stopped and deleted on dispose. Should the test process end without
/// disposing it, a ProcessExit handler stops it, and a watchdog shell stops it when the process is killed.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string Superuser = "postgres";
    private const int PortAttempts = 3;

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly PostgresBinaries binaries;
    private readonly string? runAs;
    private readonly EventHandler stopAtExit;
    private Process? watchdog;
    private int stopped;

    private PostgresServer(PostgresBinaries binaries, string? runAs, string folder, int port)
    {
        this.binaries = binaries;
        this.runAs = runAs;
        Folder = folder;
        Port = port;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = IPAddress.Loopback.ToString(),
            Port = port,
            Username = Superuser,
            Database = "postgres",
        }.ConnectionString;
        stopAtExit = (_, _) => Dispose();
    }

    /// <summary>The superuser's connection string to the server's <c>postgres</c> database.</summary>
    public string ConnectionString { get; }

    public string Folder { get; }

    public int Port { get; }

    /// <summary>From creating the folder to the first accepted connection.</summary>
    public TimeSpan StartDuration { get; private set; }

    private string DataFolder => Path.Combine(Folder, "data");

    private string LogFile => Path.Combine(Folder, "server.log");

    /// <summary>Creates a cluster and starts it, trying another free port when the one picked is taken meanwhile.</summary>
    public static async Task<PostgresServer> StartAsync(PostgresBinaries binaries, string? runAs, TimeSpan timeout, CancellationToken ct)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The throw-away PostgreSQL server is started on Unix only.");
        }

        var clock = Stopwatch.StartNew();
        // Short, because the server's Unix socket lives in it and socket paths are limited to about 100 bytes.
        var folder = Path.Combine(Path.GetTempPath(), "nb-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var server = new PostgresServer(binaries, runAs, folder, FreePort());
        try
        {
            server.GiveFolderToServerUser();
            server.InitDb();
            for (var attempt = 1; ; attempt++)
            {
                var (exitCode, output) = server.PgCtl(
                    "start", "-w", "-t", ((int)timeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "-l", server.LogFile, "-o", server.ServerOptions());
                if (exitCode == 0)
                {
                    break;
                }

                if (attempt == PortAttempts)
                {
                    throw new InvalidOperationException($"PostgreSQL did not start: {output}\n{server.LogTail()}");
                }

                server = server.OnAnotherPort();
            }

            AppDomain.CurrentDomain.ProcessExit += server.stopAtExit;
            server.StartWatchdog();
            await server.WaitForConnectionsAsync(timeout, ct);
            server.StartDuration = clock.Elapsed;
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Stops the server at once (open connections are ended) and deletes its folder.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= stopAtExit;
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            PgCtl("stop", "-m", "fast", "-w");
        }

        try
        {
            watchdog?.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has ended already.
        }

        watchdog?.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // The temporary folder is left for the OS to clean.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private PostgresServer OnAnotherPort() => new(binaries, runAs, Folder, FreePort());

    // fsync and full-page writes are off: the data is thrown away, and the tests should not wait on the disk.
    private string ServerOptions() =>
        $"-k '{Folder}' -p {Port} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off";

    private void GiveFolderToServerUser()
    {
        if (runAs is null)
        {
            return;
        }

        var (exitCode, output) = PostgresCommand.Run(null, "chown", [runAs, Folder], CommandTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"could not give {Folder} to '{runAs}': {output}");
        }
    }

    private void InitDb()
    {
        var (exitCode, output) = PostgresCommand.Run(
            runAs, binaries.InitDb, ["-D", DataFolder, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"], CommandTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"initdb failed: {output}");
        }
    }

    private (int ExitCode, string Output) PgCtl(params string[] arguments) =>
        PostgresCommand.Run(runAs, binaries.PgCtl, ["-D", DataFolder, .. arguments], CommandTimeout);

    /// <summary>
    /// pg_ctl reports the postmaster up; the tests need it to answer, so this opens real connections until one
    /// succeeds or the time is up.
    /// </summary>
    private async Task WaitForConnectionsAsync(TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false, Timeout = 2 }.ConnectionString;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(ct);
                return;
            }
            catch (NpgsqlException) when (deadline.Elapsed < timeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
            }
            catch (NpgsqlException exception)
            {
                throw new TimeoutException($"PostgreSQL accepted no connection within {timeout.TotalSeconds:0} s: {exception.Message}\n{LogTail()}", exception);
            }
        }
    }

    /// <summary>
    /// A shell that waits for this process to end and then stops the server and deletes its folder: the one
    /// clean-up that also runs when the test process is killed outright. Dispose ends it first.
    /// </summary>
    private void StartWatchdog()
    {
        string[] asServerUser = runAs is null ? [] : [PostgresCommand.RunUserPath!, "-u", runAs, "--"];
        var stop = string.Join(' ', asServerUser.Concat([binaries.PgCtl, "-D", DataFolder, "stop", "-m", "immediate"]).Select(Quote));
        var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId}; do sleep 1; done; {stop}; rm -rf {Quote(Folder)}";
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardInput = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        watchdog = Process.Start(info);
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private string LogTail() =>
        File.Exists(LogFile) ? "server log:\n" + string.Join('\n', File.ReadLines(LogFile).TakeLast(20)) : "(no server log)";
}

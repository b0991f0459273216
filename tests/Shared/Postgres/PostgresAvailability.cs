namespace NetworkBot.Tests.Postgres;

/// <summary>
/// Where the tests get PostgreSQL from: the server named by NETWORKBOT_TEST_POSTGRES, else a throw-away server
/// started from the installed binaries, else nowhere, with the reason. Decided once per test process, without
/// starting anything, so a test attribute can ask it while tests are discovered.
/// </summary>
public sealed record PostgresAvailability
{
    public const string ConnectionStringVariable = "NETWORKBOT_TEST_POSTGRES";

    /// <summary>Names the binaries' folder when the one found on PATH or under /usr/lib/postgresql is not wanted.</summary>
    public const string BinariesFolderVariable = "NETWORKBOT_TEST_POSTGRES_BIN";

    /// <summary>The server refuses to run as root; a root test process runs it as this user.</summary>
    public const string ServerUser = "postgres";

    public const string HowToEnable =
        "install PostgreSQL 15+ (apt-get install postgresql) or set " + ConnectionStringVariable + " to a connection string";

    private static readonly Lazy<PostgresAvailability> Detected = new(Detect);

    private PostgresAvailability()
    {
    }

    public static PostgresAvailability Current => Detected.Value;

    /// <summary>CI must run every PostgreSQL test: there a missing server fails them instead of skipping them.</summary>
    public static bool RunsInCi =>
        Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    public string? ExternalConnectionString { get; private init; }

    public PostgresBinaries? Binaries { get; private init; }

    /// <summary>The user the server's commands run as (through runuser), or null to run them as this process's user.</summary>
    public string? RunAs { get; private init; }

    public string? UnavailableReason { get; private init; }

    public bool IsAvailable => UnavailableReason is null;

    /// <summary>One sentence for a skipped or failed test: what is missing and how to provide it.</summary>
    public string Explanation => $"PostgreSQL is not available: {UnavailableReason}; to run these tests, {HowToEnable}.";

    private static PostgresAvailability Detect()
    {
        if (Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } external)
        {
            return new PostgresAvailability { ExternalConnectionString = external };
        }

        if (OperatingSystem.IsWindows())
        {
            return Unavailable("a throw-away server is started on Linux and macOS only");
        }

        var folder = Environment.GetEnvironmentVariable(BinariesFolderVariable) is { Length: > 0 } named ? named : null;
        var binaries = PostgresBinaries.Find(folder);
        if (binaries is null)
        {
            return Unavailable(folder is null
                ? $"no initdb and pg_ctl on PATH or under {PostgresBinaries.DebianVersionsFolder}/*/bin"
                : $"no initdb and pg_ctl in {folder} ({BinariesFolderVariable})");
        }

        if (!Environment.IsPrivilegedProcess)
        {
            return new PostgresAvailability { Binaries = binaries };
        }

        if (!UserExists(ServerUser))
        {
            return Unavailable($"the tests run as root, which PostgreSQL refuses, and there is no '{ServerUser}' user to run it as");
        }

        return PostgresCommand.RunUserPath is null
            ? Unavailable($"the tests run as root and runuser, needed to start PostgreSQL as '{ServerUser}', is missing")
            : new PostgresAvailability { Binaries = binaries, RunAs = ServerUser };
    }

    private static PostgresAvailability Unavailable(string reason) => new() { UnavailableReason = reason };

    private static bool UserExists(string user) =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(line => line.StartsWith(user + ":", StringComparison.Ordinal));
}

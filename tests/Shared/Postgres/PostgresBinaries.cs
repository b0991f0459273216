namespace NetworkBot.Tests.Postgres;

/// <summary>The folder holding an installed PostgreSQL's <c>initdb</c> and <c>pg_ctl</c>.</summary>
public sealed record PostgresBinaries(string Folder)
{
    /// <summary>Where Debian's <c>postgresql</c> package puts the binaries, one folder per major version.</summary>
    public const string DebianVersionsFolder = "/usr/lib/postgresql";

    public string InitDb => Path.Combine(Folder, "initdb");

    public string PgCtl => Path.Combine(Folder, "pg_ctl");

    /// <summary>The binaries in <paramref name="folder"/> when given; otherwise the first found on PATH, then the
    /// newest version under /usr/lib/postgresql (Debian keeps them off PATH).</summary>
    public static PostgresBinaries? Find(string? folder = null)
    {
        var candidates = folder is not null ? [folder] : PathFolders().Concat(DebianFolders());
        return candidates.Select(candidate => new PostgresBinaries(candidate)).FirstOrDefault(binaries => binaries.AreThere);
    }

    private bool AreThere => File.Exists(InitDb) && File.Exists(PgCtl);

    private static IEnumerable<string> PathFolders() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<string> DebianFolders() =>
        Directory.Exists(DebianVersionsFolder)
            ? Directory.GetDirectories(DebianVersionsFolder)
                .Select(version => (Major: int.TryParse(Path.GetFileName(version), out var major) ? major : 0, Bin: Path.Combine(version, "bin")))
                .OrderByDescending(version => version.Major)
                .Select(version => version.Bin)
            : [];
}

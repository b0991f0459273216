using System.Reflection;
using LiteDB;
using NetworkBot.Storage;

namespace NetworkBot.Bench.Storage;

/// <summary>LiteDB files, opened by the store as the bot opens them (direct mode, every write a transaction on one writer thread).</summary>
internal sealed class LiteDbBenchProvider() : EmbeddedBenchProvider(".litedb")
{
    public override string Name => "LiteDB file";

    public override string Setting => StorageOptions.LiteDbProvider;

    public override string Description =>
        $"files in {Folder.FullName}, opened by the store as the bot opens them (LiteDB {Version}, direct mode, every write a transaction on one writer thread)";

    /// <summary>The LiteDB build the store runs on, as its assembly names it (the package version, without the source commit).</summary>
    public static string Version =>
        typeof(LiteDatabase).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    protected override string ConnectionStringFor(string file) => $"Filename={file}";

    /// <summary>LiteDB names its log after the data file: <c>bench-1.litedb</c> logs to <c>bench-1-log.litedb</c>.</summary>
    protected override string LogFileOf(string file) => Path.Combine(Path.GetDirectoryName(file)!, $"{Path.GetFileNameWithoutExtension(file)}-log{Path.GetExtension(file)}");
}

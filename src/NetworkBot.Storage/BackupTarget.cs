using System.Globalization;

namespace NetworkBot.Storage;

/// <summary>
/// Where a backup of an embedded database (SQLite's or LiteDB's) is written: a new file, first as a hidden
/// <see cref="Partial"/> beside it that is renamed to <see cref="Path"/> only once checked, so a file with the backup's
/// name is always whole.
/// </summary>
internal sealed record BackupTarget(string Path, string Partial)
{
    /// <summary>The place of a backup to <paramref name="target"/>, its folder made; null, with why, when the place is taken.</summary>
    public static BackupTarget? Prepare(string target, out string? refusal)
    {
        target = System.IO.Path.GetFullPath(target);
        if (File.Exists(target) || Directory.Exists(target))
        {
            refusal = $"{target} exists already; name a new file.";
            return null;
        }

        var folder = System.IO.Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        refusal = null;
        return new BackupTarget(target, System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(target)}.partial"));
    }

    /// <summary>Where a restore keeps the database it replaces: beside it, named by the time of the restore.</summary>
    public static string BeforeRestore(string location, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{location}.before-restore-{at.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}");
}

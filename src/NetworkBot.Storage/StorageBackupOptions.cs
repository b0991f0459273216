namespace NetworkBot.Storage;

/// <summary>
/// The <c>Storage:Backups</c> section: where <c>networkbot backup</c> and <c>run</c>'s daily backup put an embedded
/// database's copies, and how many of the daily ones <c>run</c> keeps.
/// </summary>
public sealed class StorageBackupOptions
{
    /// <summary>The folder of the backups, relative to the working directory like the connection string's file.</summary>
    public string Folder { get; set; } = Path.Combine("data", "backups");

    /// <summary>How many daily backups <c>run</c> keeps, the newest; 0 turns the daily backup off.</summary>
    public int Keep { get; set; } = 7;
}

namespace NetworkBot.Core.Storage;

/// <summary>
/// The database was migrated by a newer build than this one: this build does not know its schema and refuses to
/// touch it. The message is the one line the process stops with.
/// </summary>
public sealed class SchemaNewerThanBuildException : Exception
{
    public SchemaNewerThanBuildException()
    {
    }

    public SchemaNewerThanBuildException(string message)
        : base(message)
    {
    }

    public SchemaNewerThanBuildException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

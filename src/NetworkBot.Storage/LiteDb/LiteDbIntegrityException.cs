namespace NetworkBot.Storage.LiteDb;

/// <summary>
/// A LiteDB write refused because it breaks a rule the SQL schemas keep with foreign keys (a row naming a group, round or
/// event that is not there, or is another community's): LiteDB has no such constraints, so the store checks them inside
/// the write's transaction and throws this, which rolls the write back.
/// </summary>
public sealed class LiteDbIntegrityException : Exception
{
    public LiteDbIntegrityException()
    {
    }

    public LiteDbIntegrityException(string message)
        : base(message)
    {
    }

    public LiteDbIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace NetworkBot.Core.Storage;

/// <summary>
/// A write refused because a row it was derived from changed since it was read (its version moved on). Nothing of
/// the write was stored: the caller reads afresh and decides again, or tells the member to try again.
/// </summary>
public sealed class StaleWriteException : Exception
{
    public StaleWriteException()
    {
    }

    public StaleWriteException(string message)
        : base(message)
    {
    }

    public StaleWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace NetworkBot.Core.Storage;

/// <summary>
/// The store failed every time it was tried for longer than the bot can usefully wait: the process stops (with a
/// non-zero exit code) rather than run on doing nothing.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

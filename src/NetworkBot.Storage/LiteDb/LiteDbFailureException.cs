using LiteDB;

namespace NetworkBot.Storage.LiteDb;

/// <summary>
/// LiteDB could not use its file: an engine failure (a <see cref="LiteException"/> other than a key clash) as the store
/// reports it. It is an <see cref="IOException"/> because Core knows no LiteDB: its step supervisor counts I/O failures,
/// as it counts SQLite's and PostgreSQL's <c>DbException</c>, as the store failing (and stops the bot when that lasts),
/// not as one row's trouble. A duplicate key stays LiteDB's own exception: like SQLite's constraint error, it is the
/// writer's failure, which the store answered.
/// </summary>
public sealed class LiteDbFailureException : IOException
{
    public LiteDbFailureException()
    {
    }

    public LiteDbFailureException(string message)
        : base(message)
    {
    }

    public LiteDbFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary><paramref name="exception"/> as the store reports it: an engine failure wrapped, anything else as it is.</summary>
    internal static Exception Of(Exception exception) =>
        exception is LiteException { ErrorCode: not LiteException.INDEX_DUPLICATE_KEY } engine
            ? new LiteDbFailureException($"LiteDB failed ({engine.ErrorCode}): {engine.Message}", engine)
            : exception;
}

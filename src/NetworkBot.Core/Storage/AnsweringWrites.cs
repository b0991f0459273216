namespace NetworkBot.Core.Storage;

/// <summary>
/// Marks the store writes made while a member's command is being answered (<see cref="Commands.CommandDispatcher"/>
/// begins it around the handler), so a store whose writers take turns (SQLite: one writer at a time for the whole file)
/// can let them go before the writes of background work that were waiting longer — a round's deliveries record every
/// recipient, a reminder every member — which nobody is waiting to see. The mark follows the command's async flow
/// (<see cref="AsyncLocal{T}"/>) and ends with it.
/// </summary>
public static class AnsweringWrites
{
    private static readonly AsyncLocal<bool> Answering = new();

    /// <summary>Whether the code running now is answering a member.</summary>
    public static bool Now => Answering.Value;

    /// <summary>Marks what runs from here on in this flow as answering, until the returned scope is disposed.</summary>
    public static IDisposable Begin()
    {
        var previous = Answering.Value;
        Answering.Value = true;
        return new Scope(previous);
    }

    private sealed class Scope(bool previous) : IDisposable
    {
        public void Dispose() => Answering.Value = previous;
    }
}

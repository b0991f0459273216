namespace NetworkBot.Storage.Relational;

/// <summary>What a transaction is for, which decides how the provider begins it.</summary>
internal enum TransactionKind
{
    /// <summary>A write that reads what it changes: it must see no other write between its reads and its writes.</summary>
    Write,

    /// <summary>A read of several tables that must agree with each other (an export).</summary>
    Snapshot,
}

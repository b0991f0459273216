using NetworkBot.Core.Domain;
using NetworkBot.Core.Storage;

namespace NetworkBot.Storage.Tests.Conformance;

/// <summary>
/// One test's store, plus the few things a test needs to see or break under it. The hooks name logical
/// tables, never SQL, so every provider answers them in its own terms.
/// </summary>
public interface IStoreUnderTest : IAsyncDisposable
{
    IStore Store { get; }

    /// <summary>A second store over the same data, as a new process would open it.</summary>
    IStore OpenAgain();

    /// <summary>Makes every later insert into <paramref name="table"/> fail, to prove a write's earlier steps roll back.</summary>
    Task FailInsertsIntoAsync(StoreTable table);

    /// <summary>The rows of <paramref name="table"/>, counted past the store, to prove a refused write left nothing.</summary>
    Task<long> CountRowsAsync(StoreTable table);

    /// <summary>The delivery bookkeeping of an outbox message that the store keeps but does not list.</summary>
    Task<StoredOutboxRow> ReadOutboxRowAsync(CommunityId community, string key);

    /// <summary>Spoils the stored reply of an outbox message so that the store can no longer read it, as a bad write or an older build might.</summary>
    Task MakeOutboxReplyUnreadableAsync(CommunityId community, string key);

    /// <summary>Every table of the store searched past the store for <paramref name="needles"/> (<see cref="NetworkBot.Tests.Privacy.StoreScan"/>).</summary>
    Task<NetworkBot.Tests.Privacy.StoreScanResult> ScanAsync(IReadOnlyList<string> needles);

    /// <summary>Whether <paramref name="exception"/> is the provider refusing a write that breaks an integrity rule.</summary>
    bool IsIntegrityViolation(Exception exception);
}

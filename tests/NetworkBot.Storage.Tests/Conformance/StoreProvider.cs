namespace NetworkBot.Storage.Tests.Conformance;

/// <summary>
/// A storage provider as the conformance suite sees it: it makes a fresh, migrated store for each test.
/// A new provider plugs in by deriving from this class and from each conformance class once.
/// </summary>
public abstract class StoreProvider
{
    public abstract Task<IStoreUnderTest> CreateAsync(CancellationToken ct);
}

using NetworkBot.Core.Coffee;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Storage;

namespace NetworkBot.Storage.Tests.Conformance;

/// <summary>Gives each conformance test a fresh store of <typeparamref name="TProvider"/>, migrated to the latest schema.</summary>
public abstract class StoreConformance<TProvider> : IAsyncLifetime
    where TProvider : StoreProvider, new()
{
    internal static readonly CancellationToken Ct = CancellationToken.None;

    private IStoreUnderTest? underTest;

    internal IStoreUnderTest UnderTest => underTest ?? throw new InvalidOperationException("The store is made in InitializeAsync.");

    internal IStore Store => UnderTest.Store;

    public async Task InitializeAsync() => underTest = await new TProvider().CreateAsync(Ct);

    public async Task DisposeAsync()
    {
        if (underTest is not null)
        {
            await underTest.DisposeAsync();
        }
    }

    /// <summary>Asserts that <paramref name="write"/> is refused by the store's integrity rules.</summary>
    internal async Task AssertIntegrityViolationAsync(Func<Task> write)
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(write);
        Assert.True(UnderTest.IsIntegrityViolation(refused), $"Expected an integrity violation, got {refused}");
    }

    /// <summary>Records an answer as the handler does: at the version the group is stored at now (0 for a group not there).</summary>
    internal async Task RecordAnswerAsync(CommunityId community, GroupAnswer answer, MeetingOutcome outcome, IReadOnlyList<Connection> connections)
    {
        var version = (await Store.FindGroupAsync(community, answer.Group, Ct))?.Groups.SingleOrDefault()?.Version ?? 0;
        await Store.RecordAnswerAsync(community, answer, outcome, version, connections, Ct);
    }
}

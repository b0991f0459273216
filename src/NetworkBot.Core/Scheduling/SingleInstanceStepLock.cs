using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Scheduling;

/// <summary>
/// The step lock of a store only one process opens (an embedded file held by its own lock): there is no other instance
/// to keep out, and the host ticks one step at a time, so every step simply runs.
/// </summary>
public sealed class SingleInstanceStepLock : ICommunityStepLock
{
    public static readonly SingleInstanceStepLock Instance = new();

    private SingleInstanceStepLock()
    {
    }

    public async Task<int?> RunAsync(CommunityId community, Func<Task<int>> step, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(step);
        return await step().ConfigureAwait(false);
    }
}

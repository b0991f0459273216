using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Scheduling;

/// <summary>
/// Keeps instances that share one store from running a scheduler step of the same community at the same time, so a
/// round, a reminder or a close is decided once even when two instances tick together. A storage provider that can be
/// shared supplies it (PostgreSQL: an advisory lock taken inside the step's own transaction); a store one process owns
/// needs none.
/// </summary>
public interface ICommunityStepLock
{
    /// <summary>
    /// Runs <paramref name="step"/> holding <paramref name="community"/>'s lock and returns its result, or returns null
    /// without running it when another instance holds the lock now: that instance is taking the step, and the next tick
    /// reads what it stored.
    /// </summary>
    Task<int?> RunAsync(CommunityId community, Func<Task<int>> step, CancellationToken ct);
}

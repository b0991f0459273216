namespace NetworkBot.Core.Storage;

/// <summary>
/// Deciding again when a write was refused as stale (<see cref="StaleWriteException"/>): a command whose write lost a
/// race with another press, a member's change or the scheduler reads afresh and decides again, a few times, before the
/// member is told that something changed meanwhile. Nothing was stored by the refused write, so deciding again is safe.
/// </summary>
public static class StaleWrites
{
    /// <summary>How many times a command decides before the refusal reaches the member.</summary>
    public const int Attempts = 3;

    /// <summary>Runs <paramref name="decide"/>, which reads what it decides from each time, again while its write is refused as stale.</summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> decide)
    {
        ArgumentNullException.ThrowIfNull(decide);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await decide().ConfigureAwait(false);
            }
            catch (StaleWriteException) when (attempt < Attempts)
            {
                // Another write to the same rows came first: decide again on what is stored now.
            }
        }
    }
}

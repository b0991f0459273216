using Microsoft.Extensions.DependencyInjection;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Storage;

namespace NetworkBot.Core.Tests.Races;

/// <summary>
/// Forces the interleaving of a race without sleeps: the store interfaces the test decorates pause the next call of one
/// method, once it has read, until the test lets it go on — so a member or a manager can act between a step's read and
/// its write. It can also fail the calls that name one community, as an unreadable row or a broken store would.
/// </summary>
internal sealed class StoreGate
{
    private readonly Lock sync = new();
    private string? paused;
    private TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Decides, from a call's method name and arguments, the exception it fails with; null lets it through.</summary>
    public Func<string, object?[], Exception?> Fault { get; set; } = (_, _) => null;

    /// <summary>Completes when the paused call has read and is waiting for <see cref="Release"/>.</summary>
    public Task Reached => reached.Task;

    /// <summary>Decorates the member, coffee and event stores of a harness with this gate.</summary>
    public void Decorate(IServiceCollection services)
    {
        services.AddSingleton(sp => StoreGateProxy<IMemberStore>.Wrap((IMemberStore)sp.GetRequiredService<IStore>(), this));
        services.AddSingleton(sp => StoreGateProxy<ICoffeeStore>.Wrap((ICoffeeStore)sp.GetRequiredService<IStore>(), this));
        services.AddSingleton(sp => StoreGateProxy<IEventStore>.Wrap((IEventStore)sp.GetRequiredService<IStore>(), this));
    }

    /// <summary>Pauses the next call of <paramref name="method"/> (any decorated store) after its read.</summary>
    public void PauseNext(string method)
    {
        lock (sync)
        {
            reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
            released = new(TaskCreationOptions.RunContinuationsAsynchronously);
            paused = method;
        }
    }

    public void Release() => released.SetResult();

    /// <summary>True once, for the call the test paused.</summary>
    internal bool Takes(string method)
    {
        lock (sync)
        {
            if (paused != method)
            {
                return false;
            }

            paused = null;
            return true;
        }
    }

    internal async Task<T> PauseAsync<T>(Task<T> read)
    {
        var value = await read;
        reached.SetResult();
        await released.Task;
        return value;
    }
}

using System.Reflection;
using NetworkBot.Core.Storage;

namespace NetworkBot.Discord.Tests.Interactions;

/// <summary>
/// A store that forwards every call to the real one, except that reading a community waits for <see cref="Open"/>
/// while the gate is closed: a command made slow on purpose, to see the bot defer.
/// </summary>
public class GatedStore : DispatchProxy
{
    private readonly TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IStore inner = null!;
    private bool closed;

    public static IStore Wrap(IStore inner, out GatedStore gate)
    {
        var proxy = Create<IStore, GatedStore>();
        gate = (GatedStore)(object)proxy;
        gate.inner = inner;
        return proxy;
    }

    public void Close() => closed = true;

    public void Open() => opened.TrySetResult();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (closed && targetMethod.Name == nameof(IStore.GetCommunityAsync))
        {
            return WaitThenAsync(() => (Task<Core.Domain.Community?>)targetMethod.Invoke(inner, args)!);
        }

        return targetMethod.Invoke(inner, args);
    }

    private async Task<T> WaitThenAsync<T>(Func<Task<T>> call)
    {
        await opened.Task;
        return await call();
    }
}

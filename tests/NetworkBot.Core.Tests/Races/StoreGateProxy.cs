using System.Reflection;

namespace NetworkBot.Core.Tests.Races;

/// <summary>The decorator <see cref="StoreGate"/> puts around one store interface: every call goes to the real store.</summary>
public class StoreGateProxy<T> : DispatchProxy
    where T : class
{
    private static readonly MethodInfo Pause = typeof(StoreGate).GetMethod(nameof(StoreGate.PauseAsync), BindingFlags.Instance | BindingFlags.NonPublic)!;
    private static readonly MethodInfo FromException = typeof(Task).GetMethods().Single(m => m.Name == nameof(Task.FromException) && m.IsGenericMethod);

    private T inner = null!;
    private StoreGate gate = null!;

    internal static T Wrap(T inner, StoreGate gate)
    {
        var proxy = Create<T, StoreGateProxy<T>>();
        var self = (StoreGateProxy<T>)(object)proxy;
        self.inner = inner;
        self.gate = gate;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        args ??= [];
        var returns = targetMethod.ReturnType;
        if (gate.Fault(targetMethod.Name, args) is { } fault)
        {
            return returns.IsGenericType
                ? FromException.MakeGenericMethod(returns.GetGenericArguments()[0]).Invoke(null, [fault])
                : Task.FromException(fault);
        }

        var result = targetMethod.Invoke(inner, args);
        return returns.IsGenericType && gate.Takes(targetMethod.Name)
            ? Pause.MakeGenericMethod(returns.GetGenericArguments()[0]).Invoke(gate, [result])
            : result;
    }
}

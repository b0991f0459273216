using System.Diagnostics;
using System.Reflection;
using NetworkBot.Core.Coffee;

namespace NetworkBot.Bench.Storage;

/// <summary>
/// The real <see cref="ICoffeeStore"/> as <see cref="CoffeeRounds"/> sees it, with each <see cref="ICoffeeStore.SaveRoundAsync"/>
/// timed: the round runs as the bot runs it (plan, pairing, introductions), and only its one write transaction is measured.
/// </summary>
internal class SaveRoundTimer : DispatchProxy
{
    private ICoffeeStore inner = null!;
    private List<TimeSpan> saves = null!;

    public static ICoffeeStore Wrap(ICoffeeStore inner, List<TimeSpan> saves)
    {
        var proxy = Create<ICoffeeStore, SaveRoundTimer>();
        var timer = (SaveRoundTimer)(object)proxy;
        timer.inner = inner;
        timer.saves = saves;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name != nameof(ICoffeeStore.SaveRoundAsync))
        {
            return targetMethod.Invoke(inner, args);
        }

        var started = Stopwatch.GetTimestamp();
        return TimedAsync((Task)targetMethod.Invoke(inner, args)!, started);
    }

    private async Task TimedAsync(Task save, long started)
    {
        await save.ConfigureAwait(false);
        saves.Add(Stopwatch.GetElapsedTime(started));
    }
}

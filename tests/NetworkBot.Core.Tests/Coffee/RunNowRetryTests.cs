using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Storage;
using NetworkBot.Core.Tests.Commands;

namespace NetworkBot.Core.Tests.Coffee;

/// <summary>
/// <c>/admin coffee run-now</c> in a busy community: a member pauses while the round is being worked out, so the real
/// store refuses the round as stale; the manager still gets a round, worked out again without that member.
/// </summary>
public sealed class RunNowRetryTests : CommandTestBase
{
    /// <summary>What happens just before the next round is saved (once); nothing unless the test sets it.</summary>
    private Func<Task>? beforeSave;

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<ICoffeeStore>(sp => SavingRounds.Around(sp.GetRequiredService<IStore>(), () => Interlocked.Exchange(ref beforeSave, null)));

    [Fact]
    public async Task A_member_pausing_while_the_round_is_worked_out_does_not_refuse_the_managers_round()
    {
        await Harness.AddMemberAsync("chen", "Chen Wei");
        foreach (var id in new[] { "aiko", "ben", "chen" })
        {
            await Harness.TypeAsync(id, "/coffee join");
        }

        var pauses = 0;
        beforeSave = async () =>
        {
            pauses++;
            var chen = (await Harness.Store.GetMemberAsync(CommandHarness.Community, new MemberId("chen"), CancellationToken.None))!;
            await Harness.Store.SaveMemberAsync(chen with { Coffee = chen.Coffee with { PausedUntil = CoffeeEnrollment.PausedIndefinitely } }, CancellationToken.None);
        };

        var reply = await Harness.TypeAsync("mana", "/admin coffee run-now");

        Assert.False(reply.IsError, reply.Text);
        Assert.Equal(1, pauses);
        var round = Assert.Single(await Harness.Store.ListRoundsAsync(CommandHarness.Community, 5, CancellationToken.None));
        Assert.Equal(["aiko", "ben"], round.Groups.SelectMany(g => g.Members).Select(m => m.Value).Order());
    }

    /// <summary>The store, with a hook run before a round is saved; every other call goes straight through.</summary>
    public class SavingRounds : DispatchProxy
    {
        private ICoffeeStore inner = null!;
        private Func<Func<Task>?> before = null!;

        public static ICoffeeStore Around(ICoffeeStore inner, Func<Func<Task>?> before)
        {
            var proxy = Create<ICoffeeStore, SavingRounds>();
            var saving = (SavingRounds)(object)proxy;
            (saving.inner, saving.before) = (inner, before);
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            return targetMethod.Name == nameof(ICoffeeStore.SaveRoundAsync) && before() is { } hook
                ? SaveAfterAsync(hook, targetMethod, args)
                : targetMethod.Invoke(inner, args);
        }

        private async Task SaveAfterAsync(Func<Task> hook, MethodInfo save, object?[]? args)
        {
            await hook();
            await (Task)save.Invoke(inner, args)!;
        }
    }
}

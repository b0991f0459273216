using Microsoft.Extensions.DependencyInjection;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Storage;

namespace NetworkBot.Bench.Storage;

/// <summary>
/// Saving a coffee round: <see cref="CoffeeRounds.RunAsync"/> over a community whose members are stored, timed around its
/// one <see cref="ICoffeeStore.SaveRoundAsync"/> (the members' versions checked, the round, its groups, their members and
/// one introduction per group in the outbox, in one transaction). Each repetition is a new round of the same members.
/// </summary>
internal static class RoundSaveBenchmark
{
    public sealed record Result(int RowsPerSave, IReadOnlyList<TimeSpan> Saves, bool AllStored)
    {
        public TimeSpan Median => Saves.Order().ElementAt(Saves.Count / 2);

        public TimeSpan Max => Saves.Max();

        public double RowsPerSecond => RowsPerSave / Median.TotalSeconds;
    }

    public static async Task<Result> RunAsync(BenchProvider provider, int groups, int repetitions, CancellationToken ct)
    {
        var community = BenchCommunity.Make(0, groups * 2, DateTimeOffset.UtcNow);
        var saves = new List<TimeSpan>();
        using var instance = await provider.OpenAsync(
            await provider.CreateDatabaseAsync(ct),
            ct,
            services => services.AddSingleton(sp => SaveRoundTimer.Wrap(sp.GetRequiredService<IStore>(), saves)));
        await community.SaveAsync(instance, ct);
        var rounds = instance.Services.GetRequiredService<CoffeeRounds>();
        var stored = 0;
        for (var repetition = 0; repetition < repetitions; repetition++)
        {
            var outcome = await rounds.RunAsync(community.Community.Id, RoundSettings.Default, seed: repetition + 1, ct);
            var started = (RoundOutcome.Started)outcome;
            var saved = await instance.Store.GetRoundAsync(community.Community.Id, started.Round.Round.Id, ct);
            stored += saved?.Groups.Count == groups ? 1 : 0;
            Console.Error.WriteLine($"storage: {provider.Name}, round {repetition + 1} of {repetitions}: {groups} groups saved in {saves[^1].TotalSeconds:0.000} s");
        }

        // One round row, a row per group, one per group member, one outbox row per group.
        var rows = 1 + groups + (groups * 2) + groups;
        return new Result(rows, saves, stored == repetitions);
    }
}

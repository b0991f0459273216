namespace NetworkBot.Bench.Rotation;

/// <summary>
/// Baseline (b): walk a seeded shuffle and pair each unpaired member with the first unpaired member they never met,
/// else the first unpaired; with N odd the one left joins the first pair they met neither of (else the last pair).
/// </summary>
internal sealed class GreedyNeverMetRotation(int count, long seed) : IRotationStrategy
{
    private readonly Random random = new(checked((int)seed));

    public string Name => "baseline: greedy never-met";

    public int[][] NextRound(IReadOnlyList<int[][]> history)
    {
        var met = RotationScore.MetMatrix(count, history);
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order.AsSpan());
        var paired = new bool[count];
        var groups = new List<int[]>();
        for (var at = 0; at < count; at++)
        {
            var member = order[at];
            if (paired[member])
            {
                continue;
            }

            var unpaired = order.Skip(at + 1).Where(other => !paired[other]).ToArray();
            if (unpaired.Length == 0)
            {
                var joined = groups.FindIndex(group => group.All(mate => !met[member, mate]));
                joined = joined < 0 ? groups.Count - 1 : joined;
                groups[joined] = [.. groups[joined], member];
                break;
            }

            var partner = unpaired.FirstOrDefault(other => !met[member, other], unpaired[0]);
            paired[member] = paired[partner] = true;
            groups.Add([member, partner]);
        }

        return [.. groups];
    }
}

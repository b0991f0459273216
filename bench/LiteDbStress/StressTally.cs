using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace NetworkBot.Bench.LiteDbStress;

/// <summary>
/// What a run did and every failure it met, counted by where it happened and its message: #2523 shows as
/// "ReadFull must read PAGE_SIZE bytes" at a checkpoint, at a reopen (the log is read back) or in a read.
/// </summary>
internal sealed class StressTally
{
    private readonly ConcurrentDictionary<string, int> failures = new(StringComparer.Ordinal);
    private long reads;

    public int Transactions { get; set; }

    public int Checkpoints { get; set; }

    public int Reopens { get; set; }

    /// <summary>Reopens after which the file held other documents than the writer had committed.</summary>
    public int Mismatches { get; set; }

    public TimeSpan Elapsed { get; set; }

    public long Reads => Interlocked.Read(ref reads);

    public int Failures => failures.Values.Sum() + Mismatches;

    public void Read() => Interlocked.Increment(ref reads);

    public void Failed(string where, Exception exception)
    {
        var message = exception.Message.Split('\n')[0].Trim();
        if (failures.AddOrUpdate($"{where}: {exception.GetType().Name}: {message}", 1, (_, count) => count + 1) == 1)
        {
            Console.Error.WriteLine($"first {where} failure of its kind: {exception}");
        }
    }

    /// <summary>One Markdown row for the run, then one per kind of failure.</summary>
    public string Summary(string version)
    {
        var text = new StringBuilder()
            .AppendLine("| LiteDB | transactions | reads | checkpoints | reopens | seconds | failures | content mismatches after reopen |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
            .AppendLine(CultureInfo.InvariantCulture, $"| {version} | {Transactions:#,0} | {Reads:#,0} | {Checkpoints:#,0} | {Reopens:#,0} | {Elapsed.TotalSeconds:0} | {Failures:#,0} | {Mismatches:#,0} |");
        foreach (var (kind, count) in failures.OrderByDescending(f => f.Value))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {count:#,0} × {kind}");
        }

        return text.ToString();
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;

namespace NetworkBot.Tests;

/// <summary>
/// What a fake platform was asked, per method (or route): every call, those it answered 429, and when the first and the
/// last of them arrived (on <see cref="Stopwatch"/>'s clock); thread-safe.
/// </summary>
public sealed class CallTally
{
    private readonly ConcurrentDictionary<string, Counts> counts = new(StringComparer.Ordinal);

    /// <summary>Calls, 429s and the first and last arrival, by method, in no particular order.</summary>
    public IReadOnlyDictionary<string, (int Calls, int Limited, long FirstAt, long LastAt)> ByMethod =>
        counts.ToDictionary(c => c.Key, c => c.Value.Read(), StringComparer.Ordinal);

    public void Called(string method, bool limited)
    {
        var now = Stopwatch.GetTimestamp();
        counts.GetOrAdd(method, _ => new Counts(now)).Add(now, limited);
    }

    private sealed class Counts(long first)
    {
        private readonly Lock gate = new();
        private int calls;
        private int limited;
        private long last;

        public void Add(long at, bool refused)
        {
            lock (gate)
            {
                calls++;
                limited += refused ? 1 : 0;
                last = calls == 1 ? at : Math.Max(last, at);
            }
        }

        public (int, int, long, long) Read()
        {
            lock (gate)
            {
                return (calls, limited, first, last);
            }
        }
    }
}

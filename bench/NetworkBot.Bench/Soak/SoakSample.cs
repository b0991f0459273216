namespace NetworkBot.Bench.Soak;

/// <summary>The process and the database files after <see cref="Operations"/> store calls, memory measured after a full GC.</summary>
internal sealed record SoakSample(long Operations, TimeSpan Elapsed, long ManagedBytes, long WorkingSetBytes, long DataFileBytes, long LogFileBytes);

namespace NetworkBot.Bench.Soak;

/// <summary>How long and how wide a soak runs.</summary>
/// <param name="Operations">Store calls to make in all.</param>
/// <param name="Samples">How many times memory and file sizes are measured, evenly over the run (the start is one more).</param>
/// <param name="Callers">Concurrent callers, as the bot's handlers, dispatcher and schedulers call the store at once.</param>
/// <param name="Communities">Communities, each with <paramref name="Members"/> members and one event.</param>
/// <param name="Capacity">Each event's capacity, below its members so answers fill it and the waitlist moves.</param>
/// <param name="CheckpointInterval">LiteDB only: how often the scheduled checkpoint runs, as <c>run</c>'s does every <c>Storage:CheckpointInterval</c>.</param>
/// <param name="Longest">When a provider too slow to make every call in time stops; the report says how many it made.</param>
internal sealed record SoakOptions(long Operations, int Samples, int Callers, int Communities, int Members, int Capacity, TimeSpan CheckpointInterval, TimeSpan Longest);

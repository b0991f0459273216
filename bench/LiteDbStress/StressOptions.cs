namespace NetworkBot.Bench.LiteDbStress;

/// <summary>How hard and how long <see cref="StressRun"/> drives the file.</summary>
/// <param name="Transactions">Write transactions to commit; the run stops at this count or after <paramref name="Seconds"/>.</param>
/// <param name="Readers">Threads reading while the writer writes, as the bot's handlers read beside its writer thread.</param>
/// <param name="CheckpointEvery">Transactions between explicit checkpoints, as the bot's scheduled checkpoint runs them.</param>
/// <param name="ReopenEvery">Transactions between closing and reopening the file, as a bot restart does.</param>
/// <param name="Largest">The longest member text, in characters: above about 8,000 a document spans several pages.</param>
/// <param name="ReadsApartFromWrites">
/// Readers wait while a transaction is open and the writer waits for the reads under way, so reads still run beside
/// one another but never beside a write: whether that keeps LiteDB's page cache race (LiteDB #2817) away.
/// </param>
internal sealed record StressOptions(int Transactions, int Seconds, int Readers, int CheckpointEvery, int ReopenEvery, int Largest, bool ReadsApartFromWrites);

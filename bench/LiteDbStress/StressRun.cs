using System.Diagnostics;
using System.Globalization;
using LiteDB;

namespace NetworkBot.Bench.LiteDbStress;

/// <summary>
/// The store's access pattern on one file, as hard as two cores allow: one direct-mode <see cref="LiteDatabase"/>; one
/// writer thread committing transactions of member upserts and deletes and outbox inserts and claims (documents of a
/// few hundred bytes to a few pages, so the log grows and pages are freed and reused); reader threads finding by key,
/// by the community index and counting, all the while; an explicit checkpoint every so often; and the file closed and
/// reopened, which replays the log. #2523 is a short read of the log (ReadFull), which 5.0.21 made possible by writing
/// the log on the committing thread without the flush 5.0.20's writer queue did; so every path that reads the log back
/// (checkpoint, reopen, a read of a page no longer cached) runs here many times. After each reopen the documents are
/// compared with what the writer committed, so a silently lost write counts too.
/// </summary>
internal sealed class StressRun(StressOptions options, string path)
{
    private const int Communities = 50;
    private const int MembersPerCommunity = 400;

    private readonly StressTally tally = new();
    private readonly ReaderWriterLockSlim gate = new();
    private readonly Random random = new(2523);
    private readonly Dictionary<string, int> members = new(StringComparer.Ordinal);
    private long outbox;
    private LiteDatabase database = null!;

    public StressTally Run()
    {
        database = Open();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds));
        var readers = Enumerable.Range(0, options.Readers).Select(number => new Thread(() => Read(number, stop.Token)) { Name = $"reader {number}" }).ToList();
        readers.ForEach(r => r.Start());
        try
        {
            for (var transaction = 1; transaction <= options.Transactions && !stop.IsCancellationRequested; transaction++)
            {
                // A failed write can leave the engine refusing every later call until the file is opened again, as a restart would.
                if (!WriteHoldingReadersOff() && !Reopen())
                {
                    break;
                }

                if (transaction % options.CheckpointEvery == 0)
                {
                    Checkpoint();
                }

                if (transaction % options.ReopenEvery == 0 && !Reopen())
                {
                    break;
                }

                if (transaction % 10_000 == 0)
                {
                    Console.Error.WriteLine($"{transaction:#,0} transactions, {tally.Reads:#,0} reads, {tally.Failures} failures at {clock.Elapsed.TotalSeconds:0} s");
                }
            }
        }
        finally
        {
            stop.Cancel();
            readers.ForEach(r => r.Join());
            tally.Elapsed = clock.Elapsed;
            Close();
        }

        return tally;
    }

    private LiteDatabase Open()
    {
        var db = new LiteDatabase(new ConnectionString
        {
            Filename = path,
            Connection = ConnectionType.Direct,
            Collation = new Collation(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal),
        });
        db.GetCollection("members").EnsureIndex("community_id");
        db.GetCollection("outbox", BsonAutoId.Int64).EnsureIndex("community_id");
        return db;
    }

    private bool WriteHoldingReadersOff()
    {
        if (!options.ReadsApartFromWrites)
        {
            return Write();
        }

        gate.EnterWriteLock();
        try
        {
            return Write();
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>One transaction; what it changed is remembered only once it committed. False when it failed.</summary>
    private bool Write()
    {
        var written = new Dictionary<string, int?>(StringComparer.Ordinal);
        var enqueued = 0L;
        var claimed = 0L;
        try
        {
            if (!database.BeginTrans())
            {
                throw new InvalidOperationException("The writer thread already has a transaction open.");
            }

            var memberCollection = database.GetCollection("members");
            for (var upserts = random.Next(1, 9); upserts > 0; upserts--)
            {
                var (key, community) = MemberKey();
                var size = random.Next(100, options.Largest);
                memberCollection.Upsert(new BsonDocument { ["_id"] = key, ["community_id"] = community, ["pitch"] = new string('m', size) });
                written[key] = size;
            }

            if (random.Next(10) == 0)
            {
                var (key, _) = MemberKey();
                memberCollection.Delete(key);
                written[key] = null;
            }

            var outboxCollection = database.GetCollection("outbox", BsonAutoId.Int64);
            for (var messages = random.Next(1, 6); messages > 0; messages--)
            {
                outboxCollection.Insert(new BsonDocument { ["community_id"] = $"c{random.Next(Communities)}", ["body"] = new string('o', random.Next(200, 3_000)) });
                enqueued++;
            }

            if (random.Next(2) == 0)
            {
                foreach (var id in outboxCollection.Find(Query.All(), 0, 10).Select(d => d["_id"]).ToList())
                {
                    claimed += outboxCollection.Delete(id) ? 1 : 0;
                }
            }

            database.Commit();
        }
        catch (Exception exception)
        {
            tally.Failed("write", exception);
            TryRollback();
            return false;
        }

        tally.Transactions++;
        outbox += enqueued - claimed;
        foreach (var (key, size) in written)
        {
            if (size is { } kept)
            {
                members[key] = kept;
            }
            else
            {
                members.Remove(key);
            }
        }

        return true;
    }

    private void TryRollback()
    {
        try
        {
            database.Rollback();
        }
        catch (Exception exception)
        {
            tally.Failed("rollback", exception);
        }
    }

    private void Checkpoint()
    {
        try
        {
            database.Checkpoint();
            tally.Checkpoints++;
        }
        catch (Exception exception)
        {
            tally.Failed("checkpoint", exception);
        }
    }

    /// <summary>Closes and reopens the file with the readers held off, as a restart; false when it cannot be opened again.</summary>
    private bool Reopen()
    {
        gate.EnterWriteLock();
        try
        {
            Close();
            for (var attempt = 0; attempt < 3; attempt++)
            {
                try
                {
                    database = Open();
                    tally.Reopens++;
                    Verify();
                    return true;
                }
                catch (Exception exception)
                {
                    tally.Failed("reopen", exception);
                }
            }

            return false;
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    private void Close()
    {
        try
        {
            database.Dispose();
        }
        catch (Exception exception)
        {
            tally.Failed("close", exception);
        }
    }

    /// <summary>Compares the reopened file with every committed member and the outbox's size.</summary>
    private void Verify()
    {
        var stored = database.GetCollection("members").FindAll().ToDictionary(d => d["_id"].AsString, d => d["pitch"].AsString.Length, StringComparer.Ordinal);
        var same = stored.Count == members.Count && members.All(m => stored.TryGetValue(m.Key, out var size) && size == m.Value);
        if (!same || database.GetCollection("outbox").LongCount() != outbox)
        {
            tally.Mismatches++;
        }
    }

    private void Read(int number, CancellationToken stop)
    {
        var mine = new Random(number);
        while (!stop.IsCancellationRequested)
        {
            gate.EnterReadLock();
            try
            {
                var community = $"c{mine.Next(Communities)}";
                _ = mine.Next(3) switch
                {
                    0 => database.GetCollection("members").FindById($"{community}|m{mine.Next(MembersPerCommunity)}") is null ? 0 : 1,
                    1 => database.GetCollection("members").Find(Query.EQ("community_id", community)).Count(),
                    _ => database.GetCollection("outbox").Find(Query.EQ("community_id", community)).Count(),
                };
                tally.Read();
            }
            catch (Exception exception)
            {
                tally.Failed("read", exception);
            }
            finally
            {
                gate.ExitReadLock();
            }
        }
    }

    private (string Key, string Community) MemberKey()
    {
        var community = $"c{random.Next(Communities)}";
        return ($"{community}|m{random.Next(MembersPerCommunity)}", community);
    }
}

using NetworkBot.Core.Outbox;

namespace NetworkBot.Storage.Postgres;

/// <remarks>The backlog reads only <c>due_at</c> of undelivered rows, which the partial index <c>outbox_due</c> holds.</remarks>
public sealed partial class PostgresStore
{
    public async Task<OutboxBacklog> GetOutboxBacklogAsync(DateTimeOffset now, CancellationToken ct) =>
        (await QueryAsync(
            """
            SELECT COUNT(*)::integer, MIN(CASE WHEN due_at <= @now THEN due_at END) FROM outbox
            WHERE delivered_at IS NULL AND due_at IS NOT NULL
            """,
            [("now", PostgresValues.Instant(now))],
            r => new OutboxBacklog(r.GetInt32(0), r.GetNullableInstant(1)),
            ct).ConfigureAwait(false))[0];
}

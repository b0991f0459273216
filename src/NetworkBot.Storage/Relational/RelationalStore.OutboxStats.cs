using NetworkBot.Core.Outbox;

namespace NetworkBot.Storage.Relational;

/// <remarks>
/// The backlog reads only <c>due_at</c> of undelivered rows, which the partial index <c>outbox_due</c> holds, so the
/// gauges and the readiness check can ask often. Instants are ISO-8601 text of one width or ticks, so MIN orders them right.
/// </remarks>
public abstract partial class RelationalStore
{
    public async Task<OutboxBacklog> GetOutboxBacklogAsync(DateTimeOffset now, CancellationToken ct) =>
        (await QueryAsync(
            """
            SELECT CAST(COUNT(*) AS integer), MIN(CASE WHEN due_at <= @now THEN due_at END) FROM outbox
            WHERE delivered_at IS NULL AND due_at IS NOT NULL
            """,
            [("now", now)],
            r => new OutboxBacklog(r.GetInt32(0), r.GetNullableInstant(1)),
            ct).ConfigureAwait(false))[0];
}

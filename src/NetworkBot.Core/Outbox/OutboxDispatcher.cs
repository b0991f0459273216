using Microsoft.Extensions.Logging;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Platform;
using NetworkBot.Core.Telemetry;

namespace NetworkBot.Core.Outbox;

/// <summary>
/// Delivers stored outbox messages through the adapter of each message's platform and records the outcome,
/// so a decision written once is sent once even across restarts. Interest space entries and intents are no messages: they
/// go to <see cref="InterestSpaceSync"/> (a space, a member's role or channel) and <see cref="PlatformEventSync"/> (an event's counterpart).
/// </summary>
/// <remarks>
/// Deliveries run concurrently, at most <see cref="MaxInFlightPerCommunity"/> per community and <see cref="MaxInFlight"/>
/// in all, and messages that share a lane (<see cref="OutboxLanes"/>: the same channel, member, interest group or event)
/// one at a time in the order they were decided, so a round's thousand group introductions go out side by side while
/// a member's notice still arrives before its reminder and a channel's posts in order; the store claims due messages for this dispatcher with communities taking turns (see
/// <see cref="IOutboxStore.ClaimDueOutboxAsync"/>: other instances on the same database get other communities), so one community's backlog (a thousand intro
/// posts) or a delivery stuck on its rate limit holds only that community's slots, never another community's messages.
/// A rate-limit pause longer than the adapter waits inline comes back as <see cref="DeliveryResult.RetryLater"/> for
/// that message alone.
/// </remarks>
public sealed class OutboxDispatcher(
    IOutboxStore store, IEnumerable<IChatPlatform> platforms, InterestSpaceSync spaces, PlatformEventSync events, BotMetrics metrics, TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    public const int BatchSize = 100;

    /// <summary>
    /// Deliveries under way at once, across communities: enough to keep Discord's 50 calls per second busy while each
    /// call takes a few hundred milliseconds and a delivery saves its progress between calls.
    /// </summary>
    public const int MaxInFlight = 64;

    /// <summary>
    /// Deliveries under way at once for one community: most of <see cref="MaxInFlight"/>, so one community's round goes
    /// out as fast as the platform allows, while a quarter of the slots stays for the other communities.
    /// </summary>
    public const int MaxInFlightPerCommunity = 48;

    /// <summary>
    /// How long a claimed message stays this process's unless the host sets another (<c>Worker:ClaimLease</c>): longer
    /// than a delivery can take (an adapter's inline rate-limit waits and retries stay within minutes) plus the stopping
    /// grace, so a claim under way is never renewed; a claim of a process that died expires after it and another
    /// instance delivers the message.
    /// </summary>
    public static readonly TimeSpan DefaultClaimLease = TimeSpan.FromMinutes(10);

    /// <summary>How long a message waits when its platform is not configured or its adapter threw.</summary>
    public static readonly TimeSpan UnavailableDelay = TimeSpan.FromMinutes(1);

    // Claims name this dispatcher, so instances sharing a database never deliver the same message or community at once.
    private readonly string owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private readonly Dictionary<string, IChatPlatform> byPlatform = platforms.ToDictionary(p => p.Platform, StringComparer.Ordinal);

    // Guards inFlight and perCommunity. listing is held from a listing to the starts it leads to, and by a delivery
    // leaving inFlight, so a message recorded meanwhile is never started again from a listing read before its record.
    private readonly Lock gate = new();
    private readonly SemaphoreSlim listing = new(1, 1);
    private readonly Dictionary<long, Task<bool>> inFlight = [];
    private readonly Dictionary<CommunityId, int> perCommunity = [];
    private readonly HashSet<string> busyLanes = new(StringComparer.Ordinal);
    private TaskCompletionSource slotFreed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// What <see cref="RunAsync"/> claimed and left waiting, in listing order (its claims last a lease, renewed at each
    /// poll): a freed slot starts from here rather than claiming again, as a claim reads every due row and a round's
    /// thousands of deliveries each free a slot.
    /// </summary>
    private List<OutboxMessage> pending = [];

    /// <summary>Whether the last claim filled a batch, so more may be due beyond it: then a freed slot claims again before the next poll.</summary>
    private bool claimFilled;

    /// <summary>
    /// Delivers the messages due now (those of one listing of at most <see cref="BatchSize"/>, each started at most once),
    /// concurrently within the limits, and returns once they are all done, with how many were delivered.
    /// </summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        HashSet<long>? batch = null;
        var mine = new List<Task<bool>>();
        var delivered = 0;
        while (true)
        {
            var freed = slotFreed.Task;
            var (waiting, started) = await ListAndStartAsync(m => batch?.Contains(m.Id) ?? true, DefaultClaimLease, ct, ct).ConfigureAwait(false);
            batch ??= [.. waiting.Select(m => m.Id), .. started.Select(s => s.Id)];
            batch.ExceptWith(started.Select(s => s.Id));
            mine.AddRange(started.Select(s => s.Delivery));
            foreach (var done in mine.Where(t => t.IsCompleted).ToList())
            {
                delivered += await done.ConfigureAwait(false) ? 1 : 0;
                mine.Remove(done);
            }

            if (waiting.Count == 0 && mine.Count == 0)
            {
                return delivered;
            }

            await Task.WhenAny([freed, .. mine]).WaitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Delivers due messages until <paramref name="stopping"/> is cancelled, starting one whenever a slot is free and
    /// looking for new ones every <paramref name="poll"/>, and claiming each for <paramref name="lease"/>. Once stopping, no delivery starts; those under way get
    /// <paramref name="grace"/> to finish and have their outcome recorded (their calls are not cancelled by
    /// <paramref name="stopping"/>), and only past it are they cancelled — then a message may be sent again at the next start.
    /// </summary>
    public async Task RunAsync(TimeSpan poll, TimeSpan grace, TimeSpan lease, CancellationToken stopping)
    {
        using var deliveries = new CancellationTokenSource();
        using var timer = new PeriodicTimer(poll, time);
        try
        {
            var tick = timer.WaitForNextTickAsync(stopping).AsTask();
            var ticked = true;
            while (true)
            {
                var freed = slotFreed.Task;
                try
                {
                    // At a tick the store is asked (renewing the claims of those waiting); a freed slot starts the next
                    // message claimed and left waiting, and asks the store only when none is left and the last claim was
                    // a full batch: what was enqueued since waits for the next poll, as it does when the outbox is idle.
                    if (ticked || pending.Count > 0 || claimFilled)
                    {
                        var (waiting, _) = await ListAndStartAsync(_ => true, lease, stopping, deliveries.Token, ticked ? null : pending).ConfigureAwait(false);
                        pending = waiting;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The store could not list (locked, disk full): deliveries under way go on, the next tick tries again.
                    OutboxLog.ListingFailed(logger, exception);
                }
                ticked = await Task.WhenAny(tick, freed).ConfigureAwait(false) == tick;
                if (ticked)
                {
                    if (!await tick.ConfigureAwait(false))
                    {
                        return;
                    }

                    tick = timer.WaitForNextTickAsync(stopping).AsTask();
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: what is under way still finishes below.
        }
        finally
        {
            await DrainAsync(grace, deliveries).ConfigureAwait(false);
            await ReleaseClaimsAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Gives back the claims of messages this process will not deliver now, so a restart or another instance sends them
    /// at once rather than after their lease; when the store cannot, the leases still end on their own.
    /// </summary>
    private async Task ReleaseClaimsAsync()
    {
        try
        {
            await store.ReleaseOutboxClaimsAsync(owner, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            OutboxLog.ReleaseFailed(logger, exception);
        }
    }

    private async Task DrainAsync(TimeSpan grace, CancellationTokenSource deliveries)
    {
        Task all;
        lock (gate)
        {
            all = Task.WhenAll(inFlight.Values);
            if (inFlight.Count > 0)
            {
                OutboxLog.Draining(logger, inFlight.Count, grace);
            }
        }

        if (await Task.WhenAny(all, Task.Delay(grace, time, CancellationToken.None)).ConfigureAwait(false) != all)
        {
            OutboxLog.GraceExpired(logger, grace);
            await deliveries.CancelAsync().ConfigureAwait(false);
            await all.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// Claims the due messages (renewing the claims of those waiting), or takes <paramref name="claimed"/> when it holds any, and starts those <paramref name="wanted"/> and not under way, in their order, while slots
    /// are free and their lanes are clear: a message waits while one of its lanes is taken by a delivery under way or by an
    /// earlier message of this listing that waits; returns the deliveries started and the wanted messages left waiting for a slot. The listing and the
    /// starts happen under <c>listing</c>, which a finishing delivery takes too before it leaves <c>inFlight</c>, so a
    /// message is never started again from a listing read before its outcome was recorded.
    /// </summary>
    private async Task<(List<OutboxMessage> Waiting, List<(long Id, Task<bool> Delivery)> Started)> ListAndStartAsync(
        Func<OutboxMessage, bool> wanted, TimeSpan lease, CancellationToken listingCt, CancellationToken deliveryCt, IReadOnlyList<OutboxMessage>? claimed = null)
    {
        var waiting = new List<OutboxMessage>();
        var started = new List<(long, Task<bool>)>();
        await listing.WaitAsync(listingCt).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            var due = claimed is { Count: > 0 } ? claimed : await ClaimAsync(now, lease, listingCt).ConfigureAwait(false);
            var blocked = new HashSet<string>(StringComparer.Ordinal);
            lock (gate)
            {
                foreach (var message in due.Where(m => wanted(m) && !inFlight.ContainsKey(m.Id)))
                {
                    var count = perCommunity.GetValueOrDefault(message.Community);
                    var lanes = OutboxLanes.Of(message);
                    if (inFlight.Count >= MaxInFlight || count >= MaxInFlightPerCommunity || lanes.Any(l => busyLanes.Contains(l) || blocked.Contains(l)))
                    {
                        waiting.Add(message);
                        blocked.UnionWith(lanes);
                        continue;
                    }

                    perCommunity[message.Community] = count + 1;
                    busyLanes.UnionWith(lanes);
                    var delivery = Task.Run(() => DeliverAndRecordAsync(message, deliveryCt), CancellationToken.None);
                    inFlight[message.Id] = delivery;
                    started.Add((message.Id, delivery));
                }
            }
        }
        finally
        {
            listing.Release();
        }

        return (waiting, started);
    }

    private async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        var claimed = await store.ClaimDueOutboxAsync(now, BatchSize, owner, now + lease, ct).ConfigureAwait(false);
        claimFilled = claimed.Count >= BatchSize;
        return claimed;
    }

    private async Task<bool> DeliverAndRecordAsync(OutboxMessage message, CancellationToken ct)
    {
        try
        {
            var result = await DeliverAsync(message, ct).ConfigureAwait(false);
            await RecordAsync(message, result, ct).ConfigureAwait(false);
            return result is DeliveryResult.Delivered;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            OutboxLog.Abandoned(logger, message.Id, message.Community.Value);
            return false;
        }
        catch (Exception exception)
        {
            // The outcome could not be recorded (a broken store): the message stays due and is tried again.
            OutboxLog.Threw(logger, exception, message.Id, message.Community.Value);
            return false;
        }
        finally
        {
            await LeaveAsync(message).ConfigureAwait(false);
        }
    }

    private async Task LeaveAsync(OutboxMessage message)
    {
        await listing.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            lock (gate)
            {
                inFlight.Remove(message.Id);
                busyLanes.ExceptWith(OutboxLanes.Of(message));
                if (--perCommunity[message.Community] == 0)
                {
                    perCommunity.Remove(message.Community);
                }
            }
        }
        finally
        {
            listing.Release();
        }

        Interlocked.Exchange(ref slotFreed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private async Task RecordAsync(OutboxMessage message, DeliveryResult result, CancellationToken ct)
    {
        metrics.Delivered(message.Community.Platform, result);
        var community = message.Community.Value;
        switch (result)
        {
            case DeliveryResult.Delivered sent:
                await store.MarkDeliveredAsync(message.Id, sent.MessageRef, time.GetUtcNow(), ct).ConfigureAwait(false);
                OutboxLog.Delivered(logger, message.Id, community);
                break;
            case DeliveryResult.RetryLater retry:
                var retryAt = time.GetUtcNow() + retry.After;
                await store.MarkAttemptFailedAsync(message.Id, retry.Reason, retryAt, ct).ConfigureAwait(false);
                OutboxLog.Retrying(logger, message.Id, community, retryAt, retry.Reason);
                break;
            case DeliveryResult.Failed failed:
                await store.MarkAttemptFailedAsync(message.Id, failed.Reason, retryAt: null, ct).ConfigureAwait(false);
                OutboxLog.GaveUp(logger, message.Id, community, failed.Reason);
                break;
        }
    }

    private async Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.Target.Kind is MessageTargetKind.InterestSpace or MessageTargetKind.InterestSpaceSetup)
        {
            return await GuardedAsync(message, () => spaces.DeliverAsync(message, ct), ct).ConfigureAwait(false);
        }

        if (message.Target.Kind == MessageTargetKind.PlatformEvent)
        {
            return await GuardedAsync(message, () => events.DeliverAsync(message, ct), ct).ConfigureAwait(false);
        }

        if (!byPlatform.TryGetValue(message.Community.Platform, out var platform))
        {
            return new DeliveryResult.RetryLater(UnavailableDelay, $"platform '{message.Community.Platform}' is not configured");
        }

        return await GuardedAsync(message, () => platform.DeliverAsync(message, ct), ct).ConfigureAwait(false);
    }

    /// <summary>A delivery that throws (a bug, a broken store) is retried later and never stops the others.</summary>
    private async Task<DeliveryResult> GuardedAsync(OutboxMessage message, Func<Task<DeliveryResult>> deliver, CancellationToken ct)
    {
        try
        {
            return await deliver().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            OutboxLog.Threw(logger, exception, message.Id, message.Community.Value);
            return new DeliveryResult.RetryLater(UnavailableDelay, exception.GetType().Name);
        }
    }
}

using System.Globalization;
using Microsoft.Extensions.Logging;
using NetworkBot.Core.Admin;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Scheduling;
using NetworkBot.Core.Storage;

namespace NetworkBot.Core.Privacy;

/// <summary>
/// Erases the data of members who left the platform once their community's retention period
/// (<see cref="CommunitySettings.RetentionDays"/>) has passed since they left, and tells each community's managers how many
/// were erased in one summary per tick. The summary names no one: a stored message naming them would keep what the
/// erasure removed. Each erasure is its own transaction and each community's step runs under the
/// <see cref="StepSupervisor"/>, so one failure holds up no other community; a member who came back meanwhile has no
/// departure any more and is not listed. The same period bounds the messages the bot delivered: they say what they said
/// about members, so those older than it (and than <see cref="DeliveredKeptAtLeast"/>) are deleted too. Driven by a
/// clock: the host ticks it hourly, tests move a fake clock and tick.
/// </summary>
public sealed class RetentionScheduler(
    IPrivacyStore privacyStore, MemberEraser eraser, ICommunityStore communityStore, IMemberStore memberStore, IOutboxStore outboxStore,
    IExportStore exportStore, StepSupervisor supervisor, TimeProvider time, ILogger<RetentionScheduler> logger)
{
    /// <summary>
    /// How long a delivered message is kept however short the retention period: a week-later follow-up continues its
    /// introduction's conversation from the introduction's message, and a step decided twice is sent once by its key.
    /// </summary>
    public static readonly TimeSpan DeliveredKeptAtLeast = TimeSpan.FromDays(30);

    /// <summary>How many delivered messages one community's tick deletes at most, so a first tick over years of history stays short.</summary>
    public const int PrunedPerTick = 10_000;

    /// <summary>
    /// Erases every member whose retention period is over, then deletes delivered messages older than it, each community
    /// apart; returns how many members were erased. Throws only when the store has been unreachable too long
    /// (<see cref="Storage.StoreUnavailableException"/>) or <paramref name="ct"/> is cancelled.
    /// </summary>
    public async Task<int> TickAsync(CancellationToken ct)
    {
        var leavers = new Dictionary<CommunityId, List<Leaver>>();
        var erased = await supervisor.RunEachCommunityAsync("retention", () => ListAsync(leavers, ct), community => EraseDueAsync(community, leavers[community], ct), ct)
            .ConfigureAwait(false);
        await supervisor.RunEachCommunityAsync("delivered messages", () => exportStore.ListCommunityIdsAsync(ct), community => PruneAsync(community, ct), ct)
            .ConfigureAwait(false);
        return erased;
    }

    private async Task<int> PruneAsync(CommunityId id, CancellationToken ct)
    {
        var days = (await communityStore.GetCommunityAsync(id, ct).ConfigureAwait(false))?.Settings.RetentionDays ?? CommunitySettings.Default.RetentionDays;
        var kept = TimeSpan.FromDays(days) > DeliveredKeptAtLeast ? TimeSpan.FromDays(days) : DeliveredKeptAtLeast;
        var pruned = await outboxStore.PruneDeliveredAsync(id, time.GetUtcNow() - kept, PrunedPerTick, ct).ConfigureAwait(false);
        if (pruned > 0)
        {
            PrivacyLog.PrunedDelivered(logger, pruned, id.Value, kept.Days);
        }

        return pruned;
    }

    /// <summary>The communities with members who left, their leavers kept for each community's step.</summary>
    private async Task<IReadOnlyList<CommunityId>> ListAsync(Dictionary<CommunityId, List<Leaver>> leavers, CancellationToken ct)
    {
        leavers.Clear();
        foreach (var leaver in await privacyStore.ListLeaversAsync(ct).ConfigureAwait(false))
        {
            if (!leavers.TryGetValue(leaver.Community, out var list))
            {
                leavers[leaver.Community] = list = [];
            }

            list.Add(leaver);
        }

        return [.. leavers.Keys];
    }

    private async Task<int> EraseDueAsync(CommunityId id, IReadOnlyList<Leaver> leavers, CancellationToken ct)
    {
        // A community whose settings were never stored keeps the defaults.
        var community = await communityStore.GetCommunityAsync(id, ct).ConfigureAwait(false) ?? new Community(id, id.Value, CommunitySettings.Default, DateTimeOffset.MinValue);
        var days = community.Settings.RetentionDays;
        var now = time.GetUtcNow();
        var erased = 0;
        try
        {
            foreach (var leaver in leavers.Where(l => Due(l.LeftAt)))
            {
                // Read again just before: a member who came back since the list was read keeps everything.
                if (await memberStore.GetMemberAsync(id, leaver.Member, ct).ConfigureAwait(false) is { LeftAt: { } leftAt }
                    && Due(leftAt)
                    && await eraser.EraseAsync(community, leaver.Member, now, ct).ConfigureAwait(false))
                {
                    erased++;
                }
            }
        }
        finally
        {
            // Those erased before a failure are told about too: the next tick no longer lists them.
            if (erased > 0)
            {
                await NotifyAsync(id, erased, days, now, ct).ConfigureAwait(false);
            }
        }

        return erased;

        bool Due(DateTimeOffset leftAt) => leftAt.AddDays(days) <= now;
    }

    private async Task NotifyAsync(CommunityId id, int erased, int days, DateTimeOffset now, CancellationToken ct)
    {
        PrivacyLog.ErasedAfterRetention(logger, erased, id.Value, days);

        // Read after the erasures, which take an erased manager out of the managers, so no notice is addressed to them.
        if (await communityStore.GetCommunityAsync(id, ct).ConfigureAwait(false) is not { } community)
        {
            return;
        }

        var key = "retention:" + now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var notices = await ManagerNotices.CreateAsync(
            memberStore, community, key,
            language => new Reply((erased == 1 ? PrivacyTexts.RetentionSummaryOne : PrivacyTexts.RetentionSummary).Format(language, erased, days, community.Name))
            {
                Title = PrivacyTexts.RetentionSummaryTitle.Get(language),
            },
            now, ct).ConfigureAwait(false);
        await outboxStore.EnqueueAsync(notices, ct).ConfigureAwait(false);
    }
}

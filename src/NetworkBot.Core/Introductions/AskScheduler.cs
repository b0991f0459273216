using NetworkBot.Core.Domain;
using NetworkBot.Core.Scheduling;

namespace NetworkBot.Core.Introductions;

/// <summary>
/// Moves asks along when their time comes (<see cref="Ask.NextStepAt"/>, stored, so a restart finds them): an asked
/// candidate who did not answer in 3 days makes way for the next one; an ask still open after 14 days expires with a
/// note to its asker; a week after an introduction both are asked whether they connected. Each step is written with its
/// messages in one transaction carrying the ask's version, so a press or a second instance that moved the ask meanwhile
/// refuses the write and the step is decided again on the fresh ask; each community's steps run under the
/// <see cref="StepSupervisor"/>, so one community's failure holds up no other.
/// </summary>
public sealed class AskScheduler(ICommunityStore communityStore, IAskStore askStore, AskSteps introductions, StepSupervisor supervisor, TimeProvider time)
{
    /// <summary>
    /// Does every ask step that is due now, each community apart; returns how many were taken. Throws only when the store
    /// has been unreachable too long (<see cref="Storage.StoreUnavailableException"/>) or <paramref name="ct"/> is cancelled.
    /// </summary>
    public Task<int> TickAsync(CancellationToken ct) =>
        supervisor.RunEachCommunityAsync("asks", () => DueCommunitiesAsync(ct), community => StepAsync(community, ct), ct);

    private async Task<IReadOnlyList<CommunityId>> DueCommunitiesAsync(CancellationToken ct) =>
        [.. (await askStore.ListDueAsksAsync(time.GetUtcNow(), ct).ConfigureAwait(false)).Select(a => a.Community).Distinct()];

    /// <summary>The community's due asks, each decided from the ask as stored now.</summary>
    private async Task<int> StepAsync(CommunityId communityId, CancellationToken ct)
    {
        if (await communityStore.GetCommunityAsync(communityId, ct).ConfigureAwait(false) is not { } community)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var steps = 0;
        foreach (var ask in (await askStore.ListDueAsksAsync(now, ct).ConfigureAwait(false)).Where(a => a.Community == communityId))
        {
            var step = await NextStepAsync(community, ask, now, ct).ConfigureAwait(false);
            await askStore.SaveAskAsync(step.Ask, step.Messages, connection: null, ct).ConfigureAwait(false);
            steps++;
        }

        return steps;
    }

    private async Task<AskStep> NextStepAsync(Community community, Ask ask, DateTimeOffset now, CancellationToken ct)
    {
        if (ask.Status == AskStatus.Open && now >= ask.ExpiresAt)
        {
            return await introductions.ExpireAsync(community, ask, now, ct).ConfigureAwait(false);
        }

        if (ask.Status == AskStatus.Open)
        {
            var candidates = ask.Candidates
                .Select(c => c.Status == CandidateStatus.Asked && c.AskedAt + AskSteps.AnswerTime <= now ? c with { Status = CandidateStatus.NoAnswer } : c)
                .ToList();
            var waiting = ask with { Candidates = candidates };
            return candidates.FirstOrDefault(c => c.Status == CandidateStatus.Asked) is { AskedAt: { } askedAt }
                ? new AskStep(waiting with { NextStepAt = askedAt + AskSteps.AnswerTime < ask.ExpiresAt ? askedAt + AskSteps.AnswerTime : ask.ExpiresAt }, [])
                : await introductions.AskNextAsync(community, waiting, now, ct).ConfigureAwait(false);
        }

        if (ask is { Status: AskStatus.Introduced, FollowedUpAt: null, IntroducedAt: { } introducedAt } && now >= introducedAt + AskSteps.FollowUpAfter)
        {
            return await introductions.FollowUpAsync(community, ask, now, ct).ConfigureAwait(false);
        }

        // Nothing is left to do (withdrawn, or followed up): the ask leaves the scheduler's list.
        return new AskStep(ask with { NextStepAt = null }, []);
    }
}

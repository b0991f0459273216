using System.Globalization;
using NetworkBot.Core.Admin;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Platform;
using NetworkBot.Core.Replies;

namespace NetworkBot.Core.Interests;

/// <summary>
/// Interest spaces through the outbox. Creating a group saves it with a <see cref="MessageTargetKind.InterestSpaceSetup"/>
/// intent (<see cref="Setup"/>); delivering it makes the role and channel — the platform first looks for ones an earlier,
/// interrupted attempt made — and records them, so a crash at any point ends with exactly one of each.
/// Joining or leaving changes NetworkBot's data and queues an <see cref="MessageTargetKind.InterestSpace"/> entry in the
/// same transaction (<see cref="Queue"/>); the outbox later makes the member's role (Discord) or channel membership
/// (Slack) match that data, once the space is there. Giving a role can wait on the platform's rate limit, so it never
/// runs inside the member's 3-second answer. The entry reads the membership when it is delivered, not when it was
/// queued, so entries delivered out of order (a join retried after a leave) still end where the data is.
/// </summary>
public sealed class InterestSpaceSync(
    ICommunityStore communityStore, IMemberStore memberStore, IInterestStore interestStore, IOutboxStore outboxStore,
    IEnumerable<IInterestSpaces> spaces, TimeProvider time)
{
    /// <summary>How long an entry waits after the platform did not answer or asked to wait.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, IInterestSpaces> byPlatform = spaces.ToDictionary(s => s.Platform, StringComparer.Ordinal);

    /// <summary>True when <paramref name="community"/>'s platform has spaces for interest groups.</summary>
    public bool HasSpaces(CommunityId community) => byPlatform.ContainsKey(community.Platform);

    /// <summary>
    /// The entry that syncs <paramref name="member"/>'s place in the group's space. Every change gets its own key:
    /// asking again is harmless and repairs an earlier refusal.
    /// </summary>
    public static OutboxMessage Queue(CommunityId community, InterestId interest, MemberId member, Reply told, DateTimeOffset now) =>
        OutboxMessage.Create(community, $"space-sync:{interest}:{member}:{Guid.CreateVersion7():N}", MessageTarget.ToInterestSpace(interest, member), told, now);

    /// <summary>
    /// The intent that makes the group's space, saved with the group; <paramref name="ready"/> reaches
    /// <paramref name="manager"/> once the space is recorded. Every creation gets its own key.
    /// </summary>
    public static OutboxMessage Setup(CommunityId community, InterestId interest, MemberId manager, Reply ready, DateTimeOffset now) =>
        OutboxMessage.Create(community, $"space-setup:{interest}:{Guid.CreateVersion7():N}", MessageTarget.ToInterestSpaceSetup(interest, manager), ready, now);

    /// <summary>Makes the group's space (<see cref="MessageTargetKind.InterestSpaceSetup"/>) or syncs a member's place in it.</summary>
    public async Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Target is not { Interest: { } interestId, Members: [var member] })
        {
            return new DeliveryResult.Failed("An interest space entry needs an interest and exactly one member.");
        }

        if (!byPlatform.TryGetValue(message.Community.Platform, out var space)
            || await communityStore.GetCommunityAsync(message.Community, ct).ConfigureAwait(false) is not { } community)
        {
            return new DeliveryResult.Delivered(null);
        }

        var interests = await interestStore.ListInterestsAsync(community.Id, includeArchived: true, ct).ConfigureAwait(false);
        if (interests.FirstOrDefault(i => i.Id.Value == interestId) is not { } interest)
        {
            return new DeliveryResult.Delivered(null);
        }

        return message.Target.Kind == MessageTargetKind.InterestSpaceSetup
            ? await SetUpAsync(message, space, community, interest, member, ct).ConfigureAwait(false)
            : await SyncMemberAsync(space, community, interest, member, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes what the space lacks and records it with the manager's answer: ready, or refused with what to do. Parts made
    /// before an outage are recorded too, and the intent is tried again; members' entries wait while it is pending.
    /// </summary>
    private async Task<DeliveryResult> SetUpAsync(
        OutboxMessage message, IInterestSpaces space, Community community, Interest interest, MemberId manager, CancellationToken ct)
    {
        var result = await space.EnsureAsync(community, interest, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (result.Outcome == InterestSpaceOutcome.Unavailable)
        {
            await interestStore.RecordInterestSpaceAsync(community.Id, interest.Id, result.RoleRef, result.ChannelRef, pending: true, [], ct).ConfigureAwait(false);
            return new DeliveryResult.RetryLater(RetryAfter, "the platform did not make the interest space just now");
        }

        OutboxMessage answer;
        if (result.Succeeded)
        {
            answer = OutboxMessage.Create(community.Id, $"{message.Key}:ready", MessageTarget.ToMember(manager), message.Reply, now);
        }
        else
        {
            var language = (await memberStore.GetMemberAsync(community.Id, manager, ct).ConfigureAwait(false))?.Profile.Language ?? community.Settings.Language;
            var refusal = result.Outcome == InterestSpaceOutcome.MissingPermissionOrHierarchy ? InterestTexts.InterestSpaceNotCreatedPermission : InterestTexts.InterestSpaceNotCreated;
            answer = OutboxMessage.Create(community.Id, $"{message.Key}:refused", MessageTarget.ToMember(manager), new Reply(refusal.Format(language, interest.Name)) { IsError = true }, now);
        }

        await interestStore.RecordInterestSpaceAsync(community.Id, interest.Id, result.RoleRef, result.ChannelRef, pending: false, [answer], ct).ConfigureAwait(false);
        return result.Succeeded
            ? new DeliveryResult.Delivered(null)
            : new DeliveryResult.Failed($"the platform refused to make the interest space: {result.Outcome}");
    }

    /// <summary>
    /// Gives or takes the role as NetworkBot's data says now. A refusal a manager can fix reaches each manager and the
    /// member privately, at most once a day per member, group and direction, so a member trying again does not flood them.
    /// </summary>
    private async Task<DeliveryResult> SyncMemberAsync(IInterestSpaces space, Community community, Interest interest, MemberId member, CancellationToken ct)
    {
        if (interest.SpacePending)
        {
            return new DeliveryResult.RetryLater(RetryAfter, "the interest space is still being made");
        }

        var joined = (await interestStore.ListInterestMembersAsync(community.Id, interest.Id, ct).ConfigureAwait(false)).Contains(member);
        var result = joined
            ? await space.AddMemberAsync(community, interest, member, ct).ConfigureAwait(false)
            : await space.RemoveMemberAsync(community, interest, member, ct).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return new DeliveryResult.Delivered(null);
        }

        if (result.Outcome == InterestSpaceOutcome.Unavailable)
        {
            return new DeliveryResult.RetryLater(RetryAfter, "the platform did not change the interest space just now");
        }

        await TellAsync(community, interest, member, joined, result.Outcome, ct).ConfigureAwait(false);
        return new DeliveryResult.Failed($"the platform refused to change the interest space: {result.Outcome}");
    }

    private async Task TellAsync(Community community, Interest interest, MemberId member, bool joining, InterestSpaceOutcome outcome, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var who = await memberStore.GetMemberAsync(community.Id, member, ct).ConfigureAwait(false);
        var notice = outcome == InterestSpaceOutcome.NotFound ? InterestTexts.ManagerRoleMissing
            : joining ? InterestTexts.ManagerRoleNotGiven
            : InterestTexts.ManagerRoleNotRemoved;
        var day = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var key = $"interest-space:{interest.Id}:{(joining ? "join" : "leave")}:{member}:{day}";
        var notices = await ManagerNotices.CreateAsync(memberStore, community, key,
            language => new Reply(notice.Format(language, who?.DisplayName ?? member.Value, interest.Name)) { IsError = true }, now, ct).ConfigureAwait(false);
        var language = who?.Profile.Language ?? community.Settings.Language;
        var failed = (joining ? InterestTexts.InterestJoinedRoleFailed : InterestTexts.InterestLeftRoleFailed).Format(language, interest.Name);
        var next = (notices.Count > 0 ? InterestTexts.InterestSpaceManagersTold : InterestTexts.InterestSpaceNoManagers).Get(language);
        var toMember = OutboxMessage.Create(community.Id, $"interest-space-member:{key}", MessageTarget.ToMember(member), new Reply($"{failed} {next}") { IsError = true }, now);
        await outboxStore.EnqueueAsync([.. notices, toMember], ct).ConfigureAwait(false);
    }
}

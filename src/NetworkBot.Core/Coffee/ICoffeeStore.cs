using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;

namespace NetworkBot.Core.Coffee;

/// <summary>
/// Coffee chats: the schedule, rounds and their groups, the "did you meet?" answers, blocks and pair wishes. A
/// write that causes messages enqueues them in its own transaction. Part of <see cref="Storage.IStore"/>, which a
/// storage provider implements.
/// </summary>
/// <remarks>
/// Schedules, rounds and groups carry the version they were read at. A write derived from that read stores nothing and
/// throws <see cref="Storage.StaleWriteException"/> when the row moved on meanwhile: the caller reads afresh and decides
/// again (the scheduler) or asks the member to try again (a command).
/// </remarks>
public interface ICoffeeStore
{
    /// <summary>The community's coffee schedule (active or cancelled), or null when none was ever set.</summary>
    Task<CoffeeSchedule?> GetScheduleAsync(CommunityId community, CancellationToken ct);

    /// <summary>
    /// The communities with an active schedule or an open round, by id (the round scheduler's work list). Ids only: each
    /// community's rows are read in its own step, so one unreadable row stops that community only.
    /// </summary>
    Task<IReadOnlyList<CommunityId>> ListCoffeeCommunitiesAsync(CancellationToken ct);

    /// <summary>
    /// Inserts the community's schedule, or replaces it while the stored one is still at <see cref="CoffeeSchedule.Version"/>,
    /// and enqueues the messages it causes, in one transaction; <see cref="Storage.StaleWriteException"/> when the stored
    /// schedule moved on since it was read.
    /// </summary>
    Task SaveScheduleAsync(CoffeeSchedule schedule, IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    /// <summary>
    /// Stores a round, its groups and the messages it causes in one transaction, clears the skip-next flag of every
    /// joined member of the community (their skip was used by this round) and, for a scheduled round, stores
    /// <see cref="RoundBasis.Schedule"/>. <see cref="Storage.StaleWriteException"/>, with nothing stored, when a member of
    /// <see cref="RoundBasis.Members"/> or the schedule changed since the round was worked out from them.
    /// </summary>
    Task SaveRoundAsync(RoundRecord round, RoundBasis basis, IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    /// <summary>How many rounds the community has had, open ones included: the dashboard's count without reading every round.</summary>
    Task<int> CountRoundsAsync(CommunityId community, CancellationToken ct);

    /// <summary>The newest <paramref name="limit"/> rounds of the community, oldest first.</summary>
    Task<IReadOnlyList<RoundRecord>> ListRoundsAsync(CommunityId community, int limit, CancellationToken ct);

    /// <summary>
    /// The newest <paramref name="limit"/> rounds of the community, oldest first, each counted (<see cref="RoundTally"/>)
    /// rather than read: what the dashboard's trends and funnels need, without a row per group member.
    /// </summary>
    Task<IReadOnlyList<RoundTally>> ListRoundTalliesAsync(CommunityId community, int limit, CancellationToken ct);

    /// <summary>
    /// Every member of the community, by id, with their last round, how many rounds grouped them, the answers they gave
    /// and their connections (<see cref="MemberActivity"/>), counted by the store from index ranges rather than read round
    /// by round: what the dashboard's members table needs for thousands of members at once.
    /// </summary>
    Task<IReadOnlyList<MemberActivity>> ListMemberActivityAsync(CommunityId community, CancellationToken ct);

    /// <summary>The newest <paramref name="limit"/> rounds the member was grouped in, newest first, each with the member's group only.</summary>
    Task<IReadOnlyList<RoundRecord>> ListMemberRoundsAsync(CommunityId community, MemberId member, int limit, CancellationToken ct);

    /// <summary>The round with all its groups.</summary>
    Task<RoundRecord?> GetRoundAsync(CommunityId community, RoundId round, CancellationToken ct);

    /// <summary>The community's rounds with an <see cref="Round.EndsAt"/> that are not closed yet, oldest first.</summary>
    Task<IReadOnlyList<RoundRecord>> ListOpenRoundsAsync(CommunityId community, CancellationToken ct);

    /// <summary>
    /// The rounds <see cref="ListOpenRoundsAsync"/> lists, without their groups: what the scheduler reads every tick to
    /// see whether a phase is due, which a 100,000-member round's 50,000 groups would make a heavy read each time.
    /// </summary>
    Task<IReadOnlyList<Round>> ListOpenRoundsWithoutGroupsAsync(CommunityId community, CancellationToken ct);

    /// <summary>The round a group belongs to, with that group only; null when the community has no such group.</summary>
    Task<RoundRecord?> FindGroupAsync(CommunityId community, GroupId group, CancellationToken ct);

    /// <summary>
    /// Stores the round's phase times and enqueues the messages the phase causes, in one transaction;
    /// <see cref="Storage.StaleWriteException"/> when the stored round moved on from <see cref="Round.Version"/>.
    /// </summary>
    Task UpdateRoundAsync(Round round, IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    /// <summary>Adds a late joiner to a group (at the end) and enqueues the messages it causes, in one transaction.</summary>
    Task AddGroupMemberAsync(CommunityId community, GroupId group, MemberId member, IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    /// <summary>
    /// Stores a member's answer (replacing an earlier one), sets the group's outcome, and adds connections
    /// (a connection already there is kept with its first date), in one transaction. The outcome is worked out from the
    /// group's answers read at <paramref name="groupVersion"/> (<see cref="Group.Version"/>): when another answer came
    /// first, nothing is stored and <see cref="Storage.StaleWriteException"/> is thrown.
    /// </summary>
    Task RecordAnswerAsync(
        CommunityId community, GroupAnswer answer, MeetingOutcome groupOutcome, int groupVersion, IReadOnlyList<Connection> connections, CancellationToken ct);

    /// <summary>Every answer given in the round's groups.</summary>
    Task<IReadOnlyList<GroupAnswer>> ListAnswersAsync(CommunityId community, RoundId round, CancellationToken ct);

    /// <summary>
    /// Closes a round: stores its phase times, the members' updated coffee enrolment (missed rounds, pauses) and
    /// enqueues the summary and pause messages, in one transaction. <see cref="Storage.StaleWriteException"/>, with nothing
    /// stored, when the round or one of the members moved on from the version it was read at.
    /// </summary>
    Task CloseRoundAsync(Round round, IReadOnlyList<Member> members, IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    /// <summary>Returns false when the block already existed.</summary>
    Task<bool> AddBlockAsync(CommunityId community, Block block, CancellationToken ct);

    /// <summary>Returns false when there was no such block.</summary>
    Task<bool> RemoveBlockAsync(CommunityId community, Block block, CancellationToken ct);

    /// <summary>The members <paramref name="blocker"/> blocked.</summary>
    Task<IReadOnlyList<MemberId>> ListBlockedAsync(CommunityId community, MemberId blocker, CancellationToken ct);

    /// <summary>Every block in the community (for pairing).</summary>
    Task<IReadOnlyList<Block>> ListBlocksAsync(CommunityId community, CancellationToken ct);

    /// <summary>Records that <paramref name="member"/> wants to be paired with each of <paramref name="others"/> in coffee rounds.</summary>
    Task SavePairWishesAsync(CommunityId community, MemberId member, IReadOnlyList<MemberId> others, DateTimeOffset at, CancellationToken ct);

    /// <summary>Every open pair wish of the community, as (member, other).</summary>
    Task<IReadOnlyList<(MemberId Member, MemberId Other)>> ListPairWishesAsync(CommunityId community, CancellationToken ct);
}

using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Privacy;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Introductions;

/// <summary>
/// The steps of an introduction on request, shared by the commands, the buttons and <see cref="AskScheduler"/>: who may
/// be asked, asking the next candidate, and the messages each step causes. Candidates are asked one at a time, best first,
/// so nobody says yes only to be told no; each step returns the ask as it should be stored with its messages, and the
/// caller writes both at once (<see cref="IAskStore.SaveAskAsync"/>). Every message key names the ask and the step, so a
/// step decided twice is still delivered once.
/// </summary>
public sealed class AskSteps(IMemberStore memberStore, ICoffeeStore coffeeStore, IAskStore askStore, IAskMatcher matcher)
{
    /// <summary>An ask ends this long after it was made, introduced or not.</summary>
    public static readonly TimeSpan AskLifetime = TimeSpan.FromDays(14);

    /// <summary>How long an asked candidate has before the next one is asked.</summary>
    public static readonly TimeSpan AnswerTime = TimeSpan.FromDays(3);

    /// <summary>How long after an introduction both are asked whether they connected.</summary>
    public static readonly TimeSpan FollowUpAfter = TimeSpan.FromDays(7);

    /// <summary>The window of <see cref="CommunitySettings.IntroRequestsPerWeek"/>.</summary>
    public static readonly TimeSpan LimitWindow = TimeSpan.FromDays(7);

    /// <summary>How many members an ask ranks when it is made; a later <c>/offer</c> may add more.</summary>
    public const int CandidatesPerAsk = 3;

    /// <summary>How many times <see cref="CandidatesPerAsk"/> members a ranking reads first, and by how much it reads further when too many of them were asked enough this week.</summary>
    public const int RankingReserve = 4;

    /// <summary>
    /// The best <see cref="CandidatesPerAsk"/> members for <paramref name="request"/> who may be asked now, as waiting
    /// candidates: never the asker, anyone blocked either way, anyone closed to intros, gone or erased, or already asked
    /// as often this week as the community allows.
    /// </summary>
    public async Task<IReadOnlyList<AskCandidate>> RankAsync(Community community, MemberId asker, string request, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(community);
        var blocks = await coffeeStore.ListBlocksAsync(community.Id, ct).ConfigureAwait(false);
        var reachable = (await memberStore.ListMembersAsync(community.Id, ct).ConfigureAwait(false))
            .Where(m => IsReachable(m, asker, blocks))
            .ToList();
        var candidates = new List<AskCandidate>();
        var considered = 0;
        for (var take = CandidatesPerAsk * RankingReserve; ; take *= RankingReserve)
        {
            // The best few first: reading what matched of every member of a large community costs more than the search, and
            // the best are rarely all at their weekly limit; when they are, the ranking is made again, longer (it comes out
            // in the same order), and read on from where this one stopped.
            var ranked = matcher.Rank(request, reachable, take);
            foreach (var match in ranked.Skip(considered))
            {
                considered++;
                if (await UnderWeeklyLimitAsync(community, match.Member, now, ct).ConfigureAwait(false))
                {
                    candidates.Add(new AskCandidate(match.Member, match.Offer, CandidateStatus.Waiting, AskedAt: null, AnsweredAt: null));
                    if (candidates.Count == CandidatesPerAsk)
                    {
                        return candidates;
                    }
                }
            }

            if (ranked.Count < take)
            {
                return candidates;
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="member"/> may be proposed to <paramref name="asker"/> at all, leaving aside the weekly limit:
    /// a block either way, intros turned off, having left, or being an erased member's placeholder rule them out.
    /// </summary>
    public static bool IsReachable(Member member, MemberId asker, IReadOnlyList<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(blocks);
        return member.Id != asker
            && !ErasedMember.Is(member.Id)
            && member.LeftAt is null
            && member.Profile.OpenToIntros
            && !blocks.Any(b => (b.Blocker == member.Id && b.Blocked == asker) || (b.Blocker == asker && b.Blocked == member.Id));
    }

    /// <summary>Whether <paramref name="member"/> was asked fewer times in the last 7 days than the community allows.</summary>
    public async Task<bool> UnderWeeklyLimitAsync(Community community, MemberId member, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(community);
        var asked = await askStore.CountTimesAskedAsync(community.Id, member, now - LimitWindow, ct).ConfigureAwait(false);
        return asked < community.Settings.IntroRequestsPerWeek;
    }

    /// <summary>
    /// Asks the first waiting candidate who may still be asked (one who meanwhile left, blocked, turned intros off or
    /// reached the weekly limit is passed over as not answering), or, with nobody left, leaves the ask open until it
    /// expires, for a new <c>/offer</c> to answer. <paramref name="giveFirst"/>: the candidate has just offered what the
    /// asker needs, and is told so.
    /// </summary>
    public async Task<AskStep> AskNextAsync(Community community, Ask ask, DateTimeOffset now, CancellationToken ct, bool giveFirst = false)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(ask);
        var blocks = await coffeeStore.ListBlocksAsync(community.Id, ct).ConfigureAwait(false);
        var candidates = ask.Candidates.ToList();
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            if (candidate.Status != CandidateStatus.Waiting)
            {
                continue;
            }

            var member = await memberStore.GetMemberAsync(community.Id, candidate.Member, ct).ConfigureAwait(false);
            if (member is null || !IsReachable(member, ask.Asker, blocks) || !await UnderWeeklyLimitAsync(community, member.Id, now, ct).ConfigureAwait(false))
            {
                candidates[i] = candidate with { Status = CandidateStatus.NoAnswer };
                continue;
            }

            candidates[i] = candidate with { Status = CandidateStatus.Asked, AskedAt = now };
            var asker = await memberStore.GetMemberAsync(community.Id, ask.Asker, ct).ConfigureAwait(false);
            var asked = ask with { Candidates = candidates, NextStepAt = Min(now + AnswerTime, ask.ExpiresAt) };
            return new AskStep(asked, [CandidateMessage(community, asked, asker, member, candidate.Offer, giveFirst, now)]);
        }

        return new AskStep(ask with { Candidates = candidates, NextStepAt = ask.ExpiresAt }, []);
    }

    /// <summary>
    /// The asked candidate said yes: the ask is introduced, and both receive one group message with both pitches, the
    /// request and what the helper offers. The follow-up is due a week later.
    /// </summary>
    public async Task<AskStep> IntroduceAsync(Community community, Ask ask, AskCandidate helper, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(ask);
        ArgumentNullException.ThrowIfNull(helper);
        var members = await memberStore.ByIdsAsync(community.Id, [ask.Asker, helper.Member], ct).ConfigureAwait(false);
        var language = PairLanguage(community, members.Values);
        var askerName = members.NameOf(ask.Asker, language);
        var helperName = members.NameOf(helper.Member, language);
        var fields = new List<ReplyField>
        {
            new(AskTexts.FieldLookingFor.Format(language, askerName), ask.Request),
        };
        if (HelperField(members.GetValueOrDefault(helper.Member), helper.Offer, helperName, language) is { } brings)
        {
            fields.Add(brings);
        }

        fields.Add(PitchField(members.GetValueOrDefault(ask.Asker), askerName, language));
        fields.Add(PitchField(members.GetValueOrDefault(helper.Member), helperName, language));
        var reply = new Reply(AskTexts.IntroText.Format(language, askerName, helperName)) { Title = AskTexts.IntroTitle.Get(language), Fields = fields };
        var introduced = ask with
        {
            Status = AskStatus.Introduced,
            IntroducedTo = helper.Member,
            IntroducedAt = now,
            NextStepAt = now + FollowUpAfter,
            Candidates = [.. ask.Candidates.Select(c => c.Member == helper.Member ? c with { Status = CandidateStatus.Accepted, AnsweredAt = now } : c)],
        };
        var message = OutboxMessage.Create(community.Id, IntroducedKey(ask.Id), MessageTarget.ToGroup(community.Settings.CoffeeChannel, [ask.Asker, helper.Member]), reply, now);
        return new AskStep(introduced, [message]);
    }

    /// <summary>
    /// A week after the introduction: both are asked whether they connected, where the introduction reached them (its
    /// Discord thread, the same group DM, or DMs again); nothing more is scheduled.
    /// </summary>
    public async Task<AskStep> FollowUpAsync(Community community, Ask ask, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(ask);
        MemberId[] pair = [ask.Asker, ask.IntroducedTo ?? throw new ArgumentException("Only an introduced ask is followed up.", nameof(ask))];
        var members = await memberStore.ByIdsAsync(community.Id, pair, ct).ConfigureAwait(false);
        var language = PairLanguage(community, members.Values);
        ReplyButton Button(LocalizedText label, string answer, ButtonStyle style) =>
            new(label.Get(language), CommandInvocation.Of("asks connected", (AskOptions.Ask.Name, ask.Id.Value), (AskOptions.Connected.Name, answer)), style);
        // The title names the private thread a Discord group message opens, which would otherwise be called a coffee chat.
        var reply = new Reply(AskTexts.FollowUp.Format(language, NameList.Join(pair.Select(id => members.NameOf(id, language)), language)))
        {
            Title = AskTexts.IntroTitle.Get(language),
            Buttons = [Button(AskTexts.ButtonConnected, "yes", ButtonStyle.Success), Button(AskTexts.ButtonNotYet, "not-yet", ButtonStyle.Secondary)],
        };
        var target = MessageTarget.ToGroup(community.Settings.CoffeeChannel, pair) with { Continues = IntroducedKey(ask.Id) };
        var message = OutboxMessage.Create(community.Id, $"ask:{ask.Id}:follow-up", target, reply, now);
        return new AskStep(ask with { FollowedUpAt = now, NextStepAt = null }, [message]);
    }

    /// <summary>Two weeks are up without an introduction: the ask ends and the asker gets a note that names nobody.</summary>
    public async Task<AskStep> ExpireAsync(Community community, Ask ask, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(ask);
        var asker = await memberStore.GetMemberAsync(community.Id, ask.Asker, ct).ConfigureAwait(false);
        var language = asker?.Profile.Language ?? community.Settings.Language;
        var reply = new Reply(AskTexts.ExpiredNote.Format(language, ask.Request, ask.Id)) { Title = AskTexts.ExpiredTitle.Get(language) };
        var expired = ask with
        {
            Status = AskStatus.Expired,
            NextStepAt = null,
            Candidates = [.. ask.Candidates.Select(c => c.Status == CandidateStatus.Asked ? c with { Status = CandidateStatus.NoAnswer } : c)],
        };
        return new AskStep(expired, [OutboxMessage.Create(community.Id, $"ask:{ask.Id}:expired", MessageTarget.ToMember(ask.Asker), reply, now)]);
    }

    /// <summary>
    /// The private question to a candidate, in their language: who asks, what for, what of theirs matched, the asker's
    /// pitch, and Yes / Not now buttons carrying the ask's id (the answer is checked against the stored ask).
    /// </summary>
    private static OutboxMessage CandidateMessage(Community community, Ask ask, Member? asker, Member candidate, string? offer, bool giveFirst, DateTimeOffset now)
    {
        var language = candidate.Profile.Language ?? community.Settings.Language;
        var askerName = MemberLookup.NameOf(ask.Asker, asker?.DisplayName, language);
        var question = Offers(candidate, offer) ? (giveFirst ? AskTexts.CandidateGiveFirst : AskTexts.CandidateAsked)
            : Mentions(candidate, offer) ? AskTexts.CandidateAskedByMention
            : AskTexts.CandidateAskedByProfile;
        ReplyButton Button(LocalizedText label, string answer, ButtonStyle style) =>
            new(label.Get(language), CommandInvocation.Of("asks answer", (AskOptions.Ask.Name, ask.Id.Value), (AskOptions.Answer.Name, answer)), style);
        var reply = new Reply(question.Format(language, askerName, ask.Request, offer) + "\n\n" + AskTexts.CandidatePrivacy.Format(language, askerName))
        {
            Title = AskTexts.CandidateTitle.Get(language),
            Fields = [PitchField(asker, askerName, language)],
            Buttons = [Button(AskTexts.ButtonYes, "yes", ButtonStyle.Success), Button(AskTexts.ButtonNotNow, "not-now", ButtonStyle.Secondary)],
        };
        return OutboxMessage.Create(community.Id, $"ask:{ask.Id}:asked:{candidate.Id}", MessageTarget.ToMember(candidate.Id), reply, now);
    }

    /// <summary>
    /// What the helper brings, for the introduction: the offer that matched; else what their introduction says that
    /// matched (a role, an industry, an interest), never called an offer; else all their offers; null when they have none.
    /// </summary>
    private static ReplyField? HelperField(Member? helper, string? matched, string name, Language language) =>
        Offers(helper, matched) ? new(AskTexts.FieldOffers.Format(language, name), matched!)
        : Mentions(helper, matched) ? new(AskTexts.FieldMentions.Format(language, name), matched!)
        : helper is { Profile.Offers.Count: > 0 } ? new(AskTexts.FieldOffers.Format(language, name), string.Join(", ", helper.Profile.Offers))
        : null;

    /// <summary>Whether <paramref name="text"/> is one of the member's offers as they wrote it (and still hold it).</summary>
    private static bool Offers(Member? member, string? text) =>
        text is not null && member is not null && member.Profile.Offers.Contains(text, StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="text"/> is the member's role, industry or one of their interests: something their
    /// introduction says, which matched the request, but which they did not offer.
    /// </summary>
    private static bool Mentions(Member? member, string? text) =>
        text is not null && member is not null
        && (member.Profile.Role == text || member.Profile.Industry == text || member.Profile.Interests.Contains(text, StringComparer.Ordinal));

    private static string IntroducedKey(AskId ask) => $"ask:{ask}:introduced";

    private static ReplyField PitchField(Member? member, string name, Language language) =>
        new(AskTexts.FieldTheirPitch.Format(language, name), member?.Profile.Pitch ?? AskTexts.NoPitch.Get(language));

    /// <summary>One message to two members speaks their language when they share one, else the community's.</summary>
    private static Language PairLanguage(Community community, IEnumerable<Member> members)
    {
        var languages = members.Select(m => m.Profile.Language ?? community.Settings.Language).Distinct().ToList();
        return languages is [var shared] ? shared : community.Settings.Language;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}

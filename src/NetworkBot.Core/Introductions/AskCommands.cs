using NetworkBot.Core.Coffee;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Storage;

namespace NetworkBot.Core.Introductions;

/// <summary>
/// <c>/ask</c>, <c>/asks list | cancel</c> and <c>/offer</c>: being introduced to the member who can help with what one
/// seeks, and giving first. The asker learns that their ask is out and how it proceeds, never who is asked; a candidate
/// hears of it privately and decides (<see cref="AskAnswers"/>). <c>/admin asks stats</c> gives managers the figures.
/// </summary>
public sealed class AskCommands(IMemberStore memberStore, ICoffeeStore coffeeStore, IAskStore askStore, IAskMatcher matcher, AskSteps introductions) : ICommandModule
{
    /// <summary>The most offers an introduction holds, as <c>/intro set offers:…</c> allows.</summary>
    public const int MaxOffers = 10;

    public IReadOnlyDictionary<string, CommandHandler> Handlers => new Dictionary<string, CommandHandler>
    {
        ["ask"] = AskAsync,
        ["asks list"] = ListAsync,
        ["asks cancel"] = CancelAsync,
        ["offer"] = OfferAsync,
        ["admin asks stats"] = StatsAsync,
    };

    private async Task<Reply> AskAsync(CommandContext context, CancellationToken ct)
    {
        var request = context.Options.Get(AskOptions.Request).Trim();
        if (request.Length == 0)
        {
            return Reply.Error(context.Text(AskTexts.AskEmpty));
        }

        var community = context.Community;
        var mine = await askStore.ListMemberAsksAsync(community.Id, context.Caller.Id, ct).ConfigureAwait(false);
        if (mine.Count(a => a.Status == AskStatus.Open) >= community.Settings.OpenAsksPerMember)
        {
            return Reply.Error(context.Text(AskTexts.AskTooMany, community.Settings.OpenAsksPerMember));
        }

        var id = AskId.New();
        while (await askStore.GetAskAsync(community.Id, id, ct).ConfigureAwait(false) is not null)
        {
            id = AskId.New();
        }

        var candidates = await introductions.RankAsync(community, context.Caller.Id, request, context.Now, ct).ConfigureAwait(false);
        var ask = new Ask(community.Id, id, context.Caller.Id, request, context.Now, context.Now + AskSteps.AskLifetime, AskStatus.Open, candidates);
        var step = await introductions.AskNextAsync(community, ask, context.Now, ct).ConfigureAwait(false);
        await askStore.SaveAskAsync(step.Ask, step.Messages, connection: null, ct).ConfigureAwait(false);
        var text = step.Messages.Count > 0 ? AskTexts.AskSent : AskTexts.AskNoCandidate;
        return new Reply(context.Text(text, id, TimeToken.Full(ask.ExpiresAt)));
    }

    private async Task<Reply> ListAsync(CommandContext context, CancellationToken ct)
    {
        var asks = await askStore.ListMemberAsksAsync(context.Community.Id, context.Caller.Id, ct).ConfigureAwait(false);
        if (asks.Count == 0)
        {
            return new Reply(context.Text(AskTexts.ListNone));
        }

        var introduced = await memberStore.ByIdsAsync(context.Community.Id, asks.Select(a => a.IntroducedTo).OfType<MemberId>(), ct).ConfigureAwait(false);
        string Status(Ask ask) => ask.Status switch
        {
            AskStatus.Open => context.Text(AskTexts.StatusOpen, TimeToken.Full(ask.ExpiresAt)),
            AskStatus.Introduced => context.Text(
                ask.ConnectedAt is null ? AskTexts.StatusIntroduced : AskTexts.StatusConnected,
                introduced.NameOf(ask.IntroducedTo!.Value, context.Language)),
            AskStatus.Expired => context.Text(AskTexts.StatusExpired),
            _ => context.Text(AskTexts.StatusWithdrawn),
        };
        return new Reply(string.Empty)
        {
            Title = context.Text(AskTexts.ListTitle),
            Fields = [.. asks.Select(a => new ReplyField($"`{a.Id}` {a.Request}", Status(a)))],
        };
    }

    /// <summary>Withdraws the caller's open ask; when a candidate answered or the scheduler moved it on meanwhile, decides again on the fresh ask.</summary>
    private Task<Reply> CancelAsync(CommandContext context, CancellationToken ct) => StaleWrites.RetryAsync(async () =>
    {
        var id = new AskId(context.Options.Get(AskOptions.Ask).Trim().ToLowerInvariant());
        var ask = await askStore.GetAskAsync(context.Community.Id, id, ct).ConfigureAwait(false);
        if (ask is null || ask.Asker != context.Caller.Id)
        {
            return Reply.Error(context.Text(AskTexts.CancelNotFound, id));
        }

        if (ask.Status != AskStatus.Open)
        {
            return Reply.Error(context.Text(AskTexts.CancelNotOpen, id));
        }

        await askStore.SaveAskAsync(ask with { Status = AskStatus.Withdrawn, NextStepAt = null }, [], connection: null, ct).ConfigureAwait(false);
        return new Reply(context.Text(AskTexts.Cancelled, id));
    });

    /// <summary>
    /// Adds the offer to the caller's introduction, then proposes them for the open asks it answers ("give first"): asked
    /// at once where nobody is being asked, else waiting after the others.
    /// </summary>
    private async Task<Reply> OfferAsync(CommandContext context, CancellationToken ct)
    {
        var offer = context.Options.Get(AskOptions.Offer).Trim();
        if (offer.Length == 0)
        {
            return Reply.Error(context.Text(AskTexts.OfferEmpty));
        }

        var caller = context.Caller;
        if (caller.Profile.Offers.Contains(offer, StringComparer.OrdinalIgnoreCase))
        {
            return Reply.Error(context.Text(AskTexts.OfferAlready, offer));
        }

        if (caller.Profile.Offers.Count >= MaxOffers)
        {
            return Reply.Error(context.Text(AskTexts.OfferTooMany, MaxOffers));
        }

        caller = caller with { Profile = caller.Profile with { Offers = [.. caller.Profile.Offers, offer] } };
        await memberStore.SaveMemberAsync(caller, ct).ConfigureAwait(false);
        var added = context.Text(AskTexts.OfferAdded, offer);
        if (!caller.Profile.OpenToIntros)
        {
            return new Reply(added + "\n" + context.Text(AskTexts.OfferClosed));
        }

        var blocks = await coffeeStore.ListBlocksAsync(context.Community.Id, ct).ConfigureAwait(false);
        var open = (await askStore.ListOpenAsksAsync(context.Community.Id, ct).ConfigureAwait(false))
            .Where(a => AskSteps.IsReachable(caller, a.Asker, blocks) && a.Candidates.All(c => c.Member != caller.Id))
            .ToList();
        var asked = false;
        foreach (var ask in matcher.AnsweredBy(offer, open))
        {
            asked |= await ProposeAsync(context, ask.Id, offer, ct).ConfigureAwait(false);
        }

        return new Reply(asked ? added + "\n" + context.Text(AskTexts.OfferAnswers) : added);
    }

    /// <summary>
    /// Adds the caller as a candidate of the ask, asking them now when nobody else is being asked; true when asked. When
    /// the ask moved on meanwhile (an answer, the scheduler), proposes again on the fresh ask.
    /// </summary>
    private Task<bool> ProposeAsync(CommandContext context, AskId id, string offer, CancellationToken ct) => StaleWrites.RetryAsync(async () =>
    {
        var ask = await askStore.GetAskAsync(context.Community.Id, id, ct).ConfigureAwait(false);
        if (ask is null || ask.Status != AskStatus.Open || ask.Candidates.Any(c => c.Member == context.Caller.Id))
        {
            return false;
        }

        ask = ask with { Candidates = [.. ask.Candidates, new AskCandidate(context.Caller.Id, offer, CandidateStatus.Waiting, AskedAt: null, AnsweredAt: null)] };
        var step = ask.Candidates.Any(c => c.Status == CandidateStatus.Asked)
            ? new AskStep(ask, [])
            : await introductions.AskNextAsync(context.Community, ask, context.Now, ct, giveFirst: true).ConfigureAwait(false);
        await askStore.SaveAskAsync(step.Ask, step.Messages, connection: null, ct).ConfigureAwait(false);
        return step.Messages.Count > 0;
    });

    private async Task<Reply> StatsAsync(CommandContext context, CancellationToken ct)
    {
        var community = context.Community.Id;
        var recent = await askStore.CountAsksAsync(community, context.Now - TimeSpan.FromDays(30), ct).ConfigureAwait(false);
        var all = await askStore.CountAsksAsync(community, DateTimeOffset.UnixEpoch, ct).ConfigureAwait(false);
        string Line(AskFigures figures) => context.Text(AskTexts.StatsLine, figures.Asks, figures.Accepted, figures.Connected);
        return new Reply(string.Empty)
        {
            Title = context.Text(AskTexts.StatsTitle),
            Fields = [new(context.Text(AskTexts.StatsLast30Days), Line(recent)), new(context.Text(AskTexts.StatsAllTime), Line(all))],
        };
    }
}

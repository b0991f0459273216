using NetworkBot.Core.Commands;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Storage;

namespace NetworkBot.Core.Introductions;

/// <summary>
/// The buttons of an introduction: the candidate's Yes / Not now (<c>asks answer</c>) and the follow-up's Yes / Not yet
/// (<c>asks connected</c>). A button carries only the ask's id, so every press is checked against the stored ask: only
/// the candidate being asked can answer, only the two introduced members can say they connected, and a forged or late
/// press changes nothing and says why. When another step lands between reading the ask and writing it, the press is
/// decided again on the fresh ask (a few times at most).
/// </summary>
public sealed class AskAnswers(IMemberStore memberStore, IAskStore askStore, AskSteps introductions) : ICommandModule
{
    public IReadOnlyDictionary<string, CommandHandler> Handlers => new Dictionary<string, CommandHandler>
    {
        ["asks answer"] = (context, ct) => StaleWrites.RetryAsync(() => AnswerAsync(context, ct)),
        ["asks connected"] = (context, ct) => StaleWrites.RetryAsync(() => ConnectedAsync(context, ct)),
    };

    private async Task<Reply> AnswerAsync(CommandContext context, CancellationToken ct)
    {
        var ask = await askStore.GetAskAsync(context.Community.Id, new AskId(context.Options.Get(AskOptions.Ask)), ct).ConfigureAwait(false);
        var candidate = ask?.Candidates.FirstOrDefault(c => c.Member == context.Caller.Id);
        if (ask is null || candidate is null)
        {
            return Reply.Error(context.Text(AskTexts.AnswerNotYours));
        }

        if (ask.Status != AskStatus.Open)
        {
            return Reply.Error(context.Text(AskTexts.AnswerOver));
        }

        if (candidate.Status != CandidateStatus.Asked)
        {
            return Reply.Error(context.Text(AskTexts.AnswerTooLate));
        }

        var askerName = await NameAsync(context, ask.Asker, ct).ConfigureAwait(false);
        if (context.Options.Get(AskOptions.Answer) == "yes")
        {
            var introduced = await introductions.IntroduceAsync(context.Community, ask, candidate, context.Now, ct).ConfigureAwait(false);
            await askStore.SaveAskAsync(introduced.Ask, introduced.Messages, connection: null, ct).ConfigureAwait(false);
            return new Reply(context.Text(AskTexts.AnswerYes, askerName));
        }

        var declined = ask with
        {
            Candidates = [.. ask.Candidates.Select(c => c.Member == candidate.Member ? c with { Status = CandidateStatus.Declined, AnsweredAt = context.Now } : c)],
        };
        var next = await introductions.AskNextAsync(context.Community, declined, context.Now, ct).ConfigureAwait(false);
        await askStore.SaveAskAsync(next.Ask, next.Messages, connection: null, ct).ConfigureAwait(false);
        return new Reply(context.Text(AskTexts.AnswerNotNow, askerName));
    }

    private async Task<Reply> ConnectedAsync(CommandContext context, CancellationToken ct)
    {
        var ask = await askStore.GetAskAsync(context.Community.Id, new AskId(context.Options.Get(AskOptions.Ask)), ct).ConfigureAwait(false);
        var caller = context.Caller.Id;
        if (ask is not { Status: AskStatus.Introduced, IntroducedTo: { } helper } || (caller != ask.Asker && caller != helper))
        {
            return Reply.Error(context.Text(AskTexts.ConnectedNotYours));
        }

        if (context.Options.Get(AskOptions.Connected) != "yes")
        {
            return new Reply(context.Text(AskTexts.ConnectedNotYet));
        }

        var other = caller == ask.Asker ? helper : ask.Asker;
        var otherName = await NameAsync(context, other, ct).ConfigureAwait(false);
        if (ask.ConnectedAt is not null)
        {
            return new Reply(context.Text(AskTexts.ConnectedAlready, otherName));
        }

        var connection = Connection.Between(context.Community.Id, ask.Asker, helper, context.Now);
        await askStore.SaveAskAsync(ask with { ConnectedAt = context.Now }, [], connection, ct).ConfigureAwait(false);
        return new Reply(context.Text(AskTexts.ConnectedYes, otherName));
    }

    private async Task<string> NameAsync(CommandContext context, MemberId member, CancellationToken ct) =>
        (await memberStore.NamesAsync(context.Community.Id, [member], context.Language, ct).ConfigureAwait(false))[0];
}

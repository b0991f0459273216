using NetworkBot.Core.Commands;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Storage;
using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Coffee;

/// <summary>
/// The "did you meet?" buttons (<c>coffee met</c>): follow-up is what turns one meeting into a relationship, so a
/// "yes" records a connection (<c>/connections</c> lists them). The group's outcome follows from all its members'
/// answers; when another member's answer lands between reading them and writing, the answer is worked out again on
/// the fresh ones (a few times at most).
/// </summary>
public sealed class MeetingAnswers(IMemberStore memberStore, ICoffeeStore coffeeStore) : ICommandModule
{
    public IReadOnlyDictionary<string, CommandHandler> Handlers => new Dictionary<string, CommandHandler>
    {
        ["coffee met"] = AnswerAsync,
    };

    private Task<Reply> AnswerAsync(CommandContext context, CancellationToken ct) => StaleWrites.RetryAsync(() => TryAnswerAsync(context, ct));

    private async Task<Reply> TryAnswerAsync(CommandContext context, CancellationToken ct)
    {
        var community = context.Community.Id;
        var record = await coffeeStore.FindGroupAsync(community, new GroupId(context.Options.Get(CoffeeOptions.Group)), ct).ConfigureAwait(false);
        var group = record?.Groups.SingleOrDefault();
        if (record is null || group is null || !group.Members.Contains(context.Caller.Id))
        {
            return Reply.Error(context.Text(CoffeeTexts.AnswerNotYourGroup));
        }

        if (record.Round.ClosedAt is not null)
        {
            return Reply.Error(context.Text(CoffeeTexts.AnswerRoundOver));
        }

        var answer = context.Options.Get(CoffeeOptions.Answer) switch
        {
            "yes" => MeetingOutcome.Met,
            "not-yet" => MeetingOutcome.NotYet,
            _ => MeetingOutcome.DidNotMeet,
        };
        var answers = (await coffeeStore.ListAnswersAsync(community, record.Round.Id, ct).ConfigureAwait(false))
            .Where(a => a.Group == group.Id && a.Member != context.Caller.Id)
            .Select(a => a.Answer)
            .Append(answer)
            .ToList();
        var outcome = answers.Contains(MeetingOutcome.Met) ? MeetingOutcome.Met
            : answers.Contains(MeetingOutcome.NotYet) ? MeetingOutcome.NotYet
            : MeetingOutcome.DidNotMeet;
        var others = group.Members.Where(m => m != context.Caller.Id).ToList();
        var connections = answer == MeetingOutcome.Met
            ? others.Select(other => Connection.Between(community, context.Caller.Id, other, context.Now)).ToList()
            : [];
        await coffeeStore.RecordAnswerAsync(community, new GroupAnswer(group.Id, context.Caller.Id, answer, context.Now), outcome, group.Version, connections, ct).ConfigureAwait(false);

        if (answer != MeetingOutcome.Met)
        {
            return new Reply(context.Text(answer == MeetingOutcome.NotYet ? CoffeeTexts.AnswerNotYet : CoffeeTexts.AnswerDidNotMeet));
        }

        var names = await memberStore.NamesAsync(community, others, context.Language, ct).ConfigureAwait(false);
        return new Reply(context.Text(CoffeeTexts.AnswerMet, NameList.Join(names, context.Language)));
    }
}

using NetworkBot.Core.Commands;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Storage;
using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Coffee;

/// <summary>
/// The "did you meet?" buttons (<c>coffee met</c>) and <c>/connections</c>: follow-up is what turns one meeting
/// into a relationship, so a "yes" records a connection, and old connections are suggested for a reconnect.
/// </summary>
public sealed class MeetingAnswers(IStore store) : ICommandModule
{
    public static readonly TimeSpan ReconnectAfter = TimeSpan.FromDays(90);

    public IReadOnlyDictionary<string, CommandHandler> Handlers => new Dictionary<string, CommandHandler>
    {
        ["coffee met"] = AnswerAsync,
        ["connections"] = ConnectionsAsync,
    };

    private async Task<Reply> AnswerAsync(CommandContext context, CancellationToken ct)
    {
        var community = context.Community.Id;
        var record = await store.FindGroupAsync(community, new GroupId(context.Options.Get(CoffeeOptions.Group)), ct).ConfigureAwait(false);
        var group = record?.Groups.SingleOrDefault();
        if (record is null || group is null || !group.Members.Contains(context.Caller.Id))
        {
            return Reply.Error(context.Text(Messages.AnswerNotYourGroup));
        }

        if (record.Round.ClosedAt is not null)
        {
            return Reply.Error(context.Text(Messages.AnswerRoundOver));
        }

        var answer = context.Options.Get(CoffeeOptions.Answer) switch
        {
            "yes" => MeetingOutcome.Met,
            "not-yet" => MeetingOutcome.NotYet,
            _ => MeetingOutcome.DidNotMeet,
        };
        var answers = (await store.ListAnswersAsync(community, record.Round.Id, ct).ConfigureAwait(false))
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
        await store.RecordAnswerAsync(community, new GroupAnswer(group.Id, context.Caller.Id, answer, context.Now), outcome, connections, ct).ConfigureAwait(false);

        if (answer != MeetingOutcome.Met)
        {
            return new Reply(context.Text(answer == MeetingOutcome.NotYet ? Messages.AnswerNotYet : Messages.AnswerDidNotMeet));
        }

        var names = await NamesAsync(context, ct).ConfigureAwait(false);
        return new Reply(context.Text(Messages.AnswerMet, NameList.Join(others.Select(o => names.GetValueOrDefault(o, o.Value)), context.Language)));
    }

    private async Task<Reply> ConnectionsAsync(CommandContext context, CancellationToken ct)
    {
        var connections = await store.ListConnectionsAsync(context.Community.Id, context.Caller.Id, ct).ConfigureAwait(false);
        if (connections.Count == 0)
        {
            return new Reply(context.Text(Messages.ConnectionsNone));
        }

        var names = await NamesAsync(context, ct).ConfigureAwait(false);
        string Other(Connection c) => names.GetValueOrDefault(c.A == context.Caller.Id ? c.B : c.A, (c.A == context.Caller.Id ? c.B : c.A).Value);
        var fields = connections
            .Take(25)
            .Select(c => new ReplyField(Other(c), context.Text(Messages.ConnectionSince, c.Since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), Inline: true))
            .ToList();
        var stale = connections.Where(c => context.Now - c.Since >= ReconnectAfter).OrderBy(c => c.Since).Take(3).ToList();
        if (stale.Count > 0)
        {
            fields.Add(new ReplyField(context.Text(Messages.ReconnectTitle), string.Join('\n', stale.Select(c => context.Text(Messages.ReconnectLine, Other(c))))));
        }

        return new Reply(string.Empty) { Title = context.Text(Messages.ConnectionsTitle), Fields = fields };
    }

    private async Task<Dictionary<MemberId, string>> NamesAsync(CommandContext context, CancellationToken ct) =>
        (await store.ListMembersAsync(context.Community.Id, ct).ConfigureAwait(false)).ToDictionary(m => m.Id, m => m.DisplayName);
}

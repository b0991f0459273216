using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;

namespace NetworkBot.Core.Connections;

/// <summary>
/// <c>/connections</c>: the people a member met (a "yes" to "did you meet?" records them), and old connections
/// suggested for a reconnect.
/// </summary>
public sealed class ConnectionCommands(IMemberStore memberStore, IConnectionStore connectionStore) : ICommandModule
{
    public static readonly TimeSpan ReconnectAfter = TimeSpan.FromDays(90);

    public IReadOnlyDictionary<string, CommandHandler> Handlers => new Dictionary<string, CommandHandler>
    {
        ["connections"] = ConnectionsAsync,
    };

    private async Task<Reply> ConnectionsAsync(CommandContext context, CancellationToken ct)
    {
        var connections = await connectionStore.ListConnectionsAsync(context.Community.Id, context.Caller.Id, ct).ConfigureAwait(false);
        if (connections.Count == 0)
        {
            return new Reply(context.Text(ConnectionTexts.ConnectionsNone));
        }

        MemberId OtherOf(Connection c) => c.A == context.Caller.Id ? c.B : c.A;
        var shown = connections.Take(25).ToList();
        var stale = connections.Where(c => context.Now - c.Since >= ReconnectAfter).OrderBy(c => c.Since).Take(3).ToList();
        var names = await memberStore.ByIdsAsync(context.Community.Id, shown.Concat(stale).Select(OtherOf), ct).ConfigureAwait(false);
        string Other(Connection c) => names.NameOf(OtherOf(c), context.Language);
        var fields = shown
            .Select(c => new ReplyField(Other(c), context.Text(ConnectionTexts.ConnectionSince, c.Since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), Inline: true))
            .ToList();
        if (stale.Count > 0)
        {
            fields.Add(new ReplyField(context.Text(ConnectionTexts.ReconnectTitle), string.Join('\n', stale.Select(c => context.Text(ConnectionTexts.ReconnectLine, Other(c))))));
        }

        return new Reply(string.Empty) { Title = context.Text(ConnectionTexts.ConnectionsTitle), Fields = fields };
    }
}

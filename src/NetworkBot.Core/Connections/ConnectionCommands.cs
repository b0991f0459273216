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

        var names = await NamesAsync(context, ct).ConfigureAwait(false);
        string Other(Connection c) => names.GetValueOrDefault(c.A == context.Caller.Id ? c.B : c.A, (c.A == context.Caller.Id ? c.B : c.A).Value);
        var fields = connections
            .Take(25)
            .Select(c => new ReplyField(Other(c), context.Text(ConnectionTexts.ConnectionSince, c.Since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), Inline: true))
            .ToList();
        var stale = connections.Where(c => context.Now - c.Since >= ReconnectAfter).OrderBy(c => c.Since).Take(3).ToList();
        if (stale.Count > 0)
        {
            fields.Add(new ReplyField(context.Text(ConnectionTexts.ReconnectTitle), string.Join('\n', stale.Select(c => context.Text(ConnectionTexts.ReconnectLine, Other(c))))));
        }

        return new Reply(string.Empty) { Title = context.Text(ConnectionTexts.ConnectionsTitle), Fields = fields };
    }

    private async Task<Dictionary<MemberId, string>> NamesAsync(CommandContext context, CancellationToken ct) =>
        (await memberStore.ListMembersAsync(context.Community.Id, ct).ConfigureAwait(false)).ToDictionary(m => m.Id, m => m.DisplayName);
}

using System.Collections.Concurrent;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Platform;
using NetworkBot.Core.Storage;

namespace NetworkBot.Host.Shell;

/// <summary>
/// The chat platform of local communities (<c>shell:…</c>): messages the bot sends to channels, members and
/// groups are printed to the terminal, so the whole flow can be tried without Discord or Slack.
/// </summary>
public sealed class ShellPlatform(ShellConsole console, IStore store, TimeProvider time) : IChatPlatform
{
    public const string Name = "shell";

    private readonly Lock writing = new();

    public string Platform => Name;

    /// <summary>When false, messages are counted as delivered but not printed (the demo's rounds).</summary>
    public bool Echo { get; set; } = true;

    /// <summary>Messages delivered since the shell last looked, so their buttons can be pressed.</summary>
    public ConcurrentQueue<OutboxMessage> Delivered { get; } = new();

    public async Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Echo)
        {
            var to = message.Target.Kind switch
            {
                MessageTargetKind.Channel => "#" + message.Target.Channel,
                MessageTargetKind.Member => "DM " + message.Target.Members[0],
                _ => "group " + string.Join(", ", message.Target.Members),
            };
            var reader = message.Target.Kind == MessageTargetKind.Member ? message.Target.Members[0] : (Core.Domain.MemberId?)null;
            var zone = await ShellRenderer.ZoneOfAsync(store, message.Community, reader, ct).ConfigureAwait(false);

            // One write per message: the outbox delivers messages on separate lanes side by side, and their lines must not interleave.
            lock (writing)
            {
                console.Out.WriteLine($"── message #{message.Id} to {to} ──\n{ShellRenderer.Render(message.Reply, zone, time.GetUtcNow()).Text}\n──");
            }

            Delivered.Enqueue(message);
        }

        return new DeliveryResult.Delivered($"shell-{message.Id}");
    }
}

using NetworkBot.Tests.Dashboard;

namespace NetworkBot.Bench.Footprint;

/// <summary>
/// A fake platform <c>networkbot run</c> is started against for the <c>footprint</c> benchmark: what the bot is told to
/// reach it, when its connection is ready, and how a member's command is sent and its answer seen.
/// </summary>
internal interface IFootprintPlatform : IAsyncDisposable
{
    /// <summary>"Discord", "Slack (Socket Mode)".</summary>
    string Name { get; }

    /// <summary>What "ready" is on this platform: the gateway's READY, Socket Mode's hello.</summary>
    string ReadyEvent { get; }

    /// <summary>The bot's settings (environment variables, <c>__</c> for <c>:</c>) that point it at the fakes.</summary>
    IReadOnlyDictionary<string, string> BotSettings { get; }

    /// <summary>
    /// The community of <paramref name="members"/> members and <paramref name="rounds"/> rounds on this platform (its
    /// ids); the fake learns of its members. Member 1 manages it.
    /// </summary>
    CommunitySeed Community(int members, int rounds);

    /// <summary>Waits for the next connection the bot opens to become ready; returns the <c>Stopwatch</c> timestamp it did.</summary>
    Task<long> ReadyAsync(CancellationToken ct);

    /// <summary>
    /// Sends <paramref name="command"/> (a command path such as <c>coffee status</c>) from member number
    /// <paramref name="member"/> of the community and waits for the bot's first answer (an answer or a defer, Slack's
    /// acknowledgement); returns the <c>Stopwatch</c> timestamp it arrived.
    /// </summary>
    Task<long> AnswerAsync(string command, int member, CancellationToken ct);

    /// <summary>
    /// Has the manager run <c>/admin coffee run-now</c> and waits for its final answer, which the bot sends once the
    /// round is grouped and saved (its messages then go out through the outbox); returns that answer's text.
    /// </summary>
    Task<string> RunRoundAsync(CancellationToken ct);

    /// <summary>How many messages the bot has posted so far (group messages, DMs, channel posts).</summary>
    int MessagesPosted { get; }
}

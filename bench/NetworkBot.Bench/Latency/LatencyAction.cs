using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;

namespace NetworkBot.Bench.Latency;

/// <summary>
/// What one interaction of the <c>latency</c> run does, for a platform to send in its own shape: a command typed with its
/// options (<see cref="MemberOption"/> names the option holding a member, sent as a mention), or a button of the bot's
/// pressed (<see cref="Button"/>, encoded as the bot encodes it).
/// </summary>
internal sealed record LatencyAction(string Kind, string Path, IReadOnlyList<(string Name, string Value)> Options, Member Caller)
{
    public string? MemberOption { get; init; }

    public CommandInvocation? Button { get; init; }

    /// <summary>Manage Server on Discord: a manager's command.</summary>
    public bool ByManager { get; init; }
}

using NetworkBot.Core.Replies;

namespace NetworkBot.Tests;

/// <summary>A reply full of hostile user text, and how many time tokens the bot itself put into it.</summary>
internal sealed record HostileReply(Reply Reply, int BotTokens)
{
    public override string ToString() => $"{BotTokens} bot tokens, text {Reply.Text.Length} chars, {Reply.Fields.Count} fields";
}

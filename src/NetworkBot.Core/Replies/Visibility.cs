namespace NetworkBot.Core.Replies;

/// <summary>Who sees a reply: only the caller (Discord ephemeral, Slack ephemeral) or the channel.</summary>
public enum Visibility
{
    Private,
    Public,
}

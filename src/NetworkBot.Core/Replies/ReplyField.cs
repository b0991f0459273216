namespace NetworkBot.Core.Replies;

/// <summary>A labelled value (Discord embed field, Slack section field).</summary>
public sealed record ReplyField(string Name, string Value, bool Inline = false);

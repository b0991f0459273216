namespace NetworkBot.Core.Replies;

/// <summary>A text file attached to a reply, such as <c>event.ics</c> (<c>text/calendar</c>).</summary>
public sealed record ReplyFile(string Name, string ContentType, string Content);

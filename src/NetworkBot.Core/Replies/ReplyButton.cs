namespace NetworkBot.Core.Replies;

public sealed record ReplyButton(string Label, CommandInvocation Action, ButtonStyle Style = ButtonStyle.Secondary);

namespace NetworkBot.Core.Replies;

/// <summary>A form (Discord modal, Slack modal view); submitting runs the command <see cref="SubmitPath"/>.</summary>
public sealed record ReplyForm(string Title, string SubmitPath, IReadOnlyList<FormField> Fields);

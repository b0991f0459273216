namespace NetworkBot.Core.Replies;

/// <summary>A choice list; picking runs <see cref="Action"/> with the chosen value as option <see cref="OptionName"/>.</summary>
public sealed record ReplySelect(string Placeholder, CommandInvocation Action, string OptionName, IReadOnlyList<SelectChoice> Choices);

namespace NetworkBot.Core.Replies;

public sealed record SelectChoice(string Label, string Value);

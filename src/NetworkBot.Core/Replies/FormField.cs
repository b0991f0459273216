namespace NetworkBot.Core.Replies;

/// <summary>One input of a form; its value is submitted as option <see cref="OptionName"/>.</summary>
public sealed record FormField(string OptionName, string Label, bool Multiline, bool Required, int MaxLength, string? Value);

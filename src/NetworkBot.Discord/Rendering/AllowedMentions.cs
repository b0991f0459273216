namespace NetworkBot.Discord.Rendering;

/// <summary>Which mentions in a message notify anyone; <see cref="None"/> because replies quote user-written text.</summary>
public sealed record AllowedMentions(IReadOnlyList<string> Parse)
{
    public static AllowedMentions None { get; } = new([]);
}

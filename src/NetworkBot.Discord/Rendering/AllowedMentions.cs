namespace NetworkBot.Discord.Rendering;

/// <summary>
/// Which mentions in a message notify anyone: never any parsed from the text, because replies quote what members
/// wrote; only the one role a manager chose (<see cref="Roles"/>).
/// </summary>
public sealed record AllowedMentions(IReadOnlyList<string> Parse)
{
    public static AllowedMentions None { get; } = new([]);

    public IReadOnlyList<string>? Roles { get; init; }
}

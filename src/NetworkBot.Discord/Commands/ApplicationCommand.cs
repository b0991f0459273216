namespace NetworkBot.Discord.Commands;

/// <summary>One top-level slash command as <c>PUT /applications/{id}/commands</c> takes it.</summary>
public sealed record ApplicationCommand(string Name, string Description)
{
    /// <summary>1 CHAT_INPUT (slash command).</summary>
    public int Type { get; init; } = 1;

    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }

    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }

    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    /// <summary>Permission bitset as a decimal string; only hides the command by default, the bot still checks.</summary>
    public string? DefaultMemberPermissions { get; init; }

    /// <summary>Where it can be used: 0 guild, 1 bot DM, 2 private channel.</summary>
    public IReadOnlyList<int>? Contexts { get; init; }
}

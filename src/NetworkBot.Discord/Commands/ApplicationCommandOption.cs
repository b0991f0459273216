namespace NetworkBot.Discord.Commands;

/// <summary>A subcommand group, subcommand or parameter of an <see cref="ApplicationCommand"/>.</summary>
public sealed record ApplicationCommandOption(ApplicationCommandOptionType Type, string Name, string Description)
{
    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }

    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }

    /// <summary>True or absent (Discord's default is false), to keep the canonical JSON short.</summary>
    public bool? Required { get; init; }

    public IReadOnlyList<ApplicationCommandChoice>? Choices { get; init; }

    public bool? Autocomplete { get; init; }

    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    public long? MinValue { get; init; }

    public long? MaxValue { get; init; }

    public int? MaxLength { get; init; }

    public IReadOnlyList<int>? ChannelTypes { get; init; }
}

using System.Text.Json;
using NetworkBot.Discord.Commands;

namespace NetworkBot.Discord.Interactions;

/// <summary>
/// One option of a slash command. Subcommands and groups carry <see cref="Options"/>; parameters carry
/// <see cref="Value"/> (string, number or boolean). <see cref="Focused"/> marks the option being typed in autocomplete.
/// </summary>
public sealed record InteractionOption(string Name, ApplicationCommandOptionType Type)
{
    public JsonElement? Value { get; init; }

    public IReadOnlyList<InteractionOption>? Options { get; init; }

    public bool? Focused { get; init; }
}

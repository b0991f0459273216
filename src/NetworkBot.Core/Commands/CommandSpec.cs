using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Commands;

/// <summary>
/// One command of the table: its path (<c>coffee pause</c>, <c>admin interests create</c>), description,
/// options in order (required first), and who may use it. Hidden commands are reached only by buttons,
/// selects and forms the bot itself shows.
/// </summary>
public sealed record CommandSpec(string Path, LocalizedText Description, IReadOnlyList<OptionSpec> Options)
{
    public bool ManagerOnly { get; init; }

    public bool Hidden { get; init; }

    /// <summary>
    /// Whether a caller never seen before is stored when they run it, as every command does so a member exists from their
    /// first call. The privacy commands do not: asking what is stored, or to delete it, must not store anything.
    /// </summary>
    public bool StoresNewCaller { get; init; } = true;

    public IReadOnlyList<string> Segments => Path.Split(' ');
}

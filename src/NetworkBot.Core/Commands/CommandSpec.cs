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

    public IReadOnlyList<string> Segments => Path.Split(' ');
}

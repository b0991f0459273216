using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Texts;
using NetworkBot.Discord.Rendering;

namespace NetworkBot.Discord.Commands;

/// <summary>
/// Derives Discord's application commands from Core's <see cref="CommandTable"/>: one top-level command per first
/// path word, second words as subcommands, three-word paths as a subcommand group holding subcommands.
/// <see cref="ContentHash"/> lets the registrar skip the bulk overwrite when nothing changed.
/// </summary>
public static partial class CommandRegistration
{
    public const int MaxCommands = 100;
    public const int MaxOptions = 25;
    public const int MaxChoices = 25;
    public const int MaxDescriptionLength = 100;
    public const int MaxCharactersPerCommand = 8000;

    /// <summary>Discord's locale key for Japanese.</summary>
    public const string JapaneseLocale = "ja";

    /// <summary>MANAGE_GUILD (1 &lt;&lt; 5), for commands only managers may use.</summary>
    public const string ManageGuildPermission = "32";

    /// <summary>Channel types a channel option offers: text (0) and announcement (5), the ones that hold threads.</summary>
    private static readonly IReadOnlyList<int> MessageChannelTypes = [0, 5];

    private static readonly IReadOnlyList<int> GuildOnly = [0];

    /// <summary>The commands of <see cref="CommandTable.All"/>.</summary>
    public static IReadOnlyList<ApplicationCommand> ForTable() => Build(CommandTable.All);

    /// <summary>
    /// The application commands for <paramref name="table"/> (hidden commands left out). Throws when the table breaks a
    /// Discord limit: a table that cannot be registered is a bug, found by the tests before it ships.
    /// </summary>
    public static IReadOnlyList<ApplicationCommand> Build(IEnumerable<CommandSpec> table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var commands = table.Where(c => !c.Hidden)
            .GroupBy(c => c.Segments[0], StringComparer.Ordinal)
            .Select(TopLevel)
            .ToList();
        var problems = Validate(commands);
        return problems.Count == 0
            ? commands
            : throw new InvalidOperationException("The command table breaks Discord's limits:\n" + string.Join('\n', problems));
    }

    /// <summary>The canonical JSON body of the bulk overwrite.</summary>
    public static string ToJson(IReadOnlyList<ApplicationCommand> commands) =>
        JsonSerializer.Serialize(commands, CommandJsonContext.Default.IReadOnlyListApplicationCommand);

    /// <summary>Lower-case hex SHA-256 of <see cref="ToJson"/>: equal exactly when the registered commands would be.</summary>
    public static string ContentHash(IReadOnlyList<ApplicationCommand> commands) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson(commands))));

    /// <summary>Every way <paramref name="commands"/> breaks Discord's rules for application commands; empty when none.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<ApplicationCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var problems = new List<string>();
        if (commands.Count > MaxCommands)
        {
            problems.Add($"{commands.Count} commands; Discord allows {MaxCommands}.");
        }

        problems.AddRange(commands.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"/{g.Key} is declared twice."));
        foreach (var command in commands)
        {
            var where = "/" + command.Name;
            CheckNamed(where, command.Name, command.Description, command.DescriptionLocalizations, problems);
            CheckOptions(where, command.Options ?? [], problems);
            var characters = CountCharacters(command);
            if (characters > MaxCharactersPerCommand)
            {
                problems.Add($"{where} has {characters} characters; Discord allows {MaxCharactersPerCommand}.");
            }
        }

        return problems;
    }

    /// <summary>Names must be 1–32 letters, digits, '-', '_' or '\'', in lower case where the letter has one.</summary>
    public static bool IsValidName(string name) => NamePattern().IsMatch(name) && name == name.ToLowerInvariant();

    private static ApplicationCommand TopLevel(IGrouping<string, CommandSpec> group)
    {
        var specs = group.ToList();
        (LocalizedText Description, IReadOnlyList<ApplicationCommandOption>? Options) content = specs is [{ Segments.Count: 1 } single]
            ? (single.Description, Parameters(single.Options))
            : Subcommands(group.Key, specs, depth: 1);
        return new ApplicationCommand(group.Key, content.Description.En)
        {
            DescriptionLocalizations = Japanese(content.Description),
            Options = content.Options,
            DefaultMemberPermissions = specs.All(s => s.ManagerOnly) ? ManageGuildPermission : null,
            Contexts = GuildOnly,
        };
    }

    /// <summary>
    /// The commands below <paramref name="path"/> as subcommands (a path ending one word deeper) or subcommand groups
    /// (two words deeper), with a description listing them, since the table describes only whole commands.
    /// </summary>
    private static (LocalizedText Description, IReadOnlyList<ApplicationCommandOption> Children) Subcommands(
        string path, IReadOnlyList<CommandSpec> specs, int depth)
    {
        if (specs.Any(s => s.Segments.Count <= depth || s.Segments.Count > 3))
        {
            throw new InvalidOperationException(
                $"'{path}' mixes a command with its subcommands or nests deeper than Discord allows: {string.Join(", ", specs.Select(s => s.Path))}.");
        }

        var children = specs.GroupBy(s => s.Segments[depth], StringComparer.Ordinal)
            .Select(child => child.ToList() is [var leaf] && leaf.Segments.Count == depth + 1
                ? Option(ApplicationCommandOptionType.SubCommand, child.Key, leaf.Description, Parameters(leaf.Options))
                : SubcommandGroup(child.Key, $"{path} {child.Key}", [.. child], depth + 1))
            .ToList();
        var names = string.Join(", ", children.Select(c => c.Name));
        return (new LocalizedText(Truncation.Truncate($"{path} commands: {names}", MaxDescriptionLength), Truncation.Truncate($"{path} のコマンド: {names}", MaxDescriptionLength)), children);
    }

    private static ApplicationCommandOption SubcommandGroup(string name, string path, IReadOnlyList<CommandSpec> specs, int depth)
    {
        var (description, children) = Subcommands(path, specs, depth);
        return Option(ApplicationCommandOptionType.SubCommandGroup, name, description, children);
    }

    private static ApplicationCommandOption Option(
        ApplicationCommandOptionType type, string name, LocalizedText description, IReadOnlyList<ApplicationCommandOption>? options) =>
        new(type, name, description.En) { DescriptionLocalizations = Japanese(description), Options = options };

    private static IReadOnlyList<ApplicationCommandOption>? Parameters(IReadOnlyList<OptionSpec> options) =>
        options.Count == 0 ? null : [.. options.OrderByDescending(o => o.Required).Select(Parameter)];

    private static ApplicationCommandOption Parameter(OptionSpec option)
    {
        var parameter = new ApplicationCommandOption(ApplicationCommandOptionType.String, option.Name, option.Description.En)
        {
            DescriptionLocalizations = Japanese(option.Description),
            Required = option.Required ? true : null,
        };
        return option.Kind switch
        {
            OptionKind.Integer => parameter with
            {
                Type = ApplicationCommandOptionType.Integer,
                MinValue = option.Min == long.MinValue ? null : option.Min,
                MaxValue = option.Max == long.MaxValue ? null : option.Max,
            },

            // Discord offers its own member, channel and role pickers; autocomplete exists only for text and numbers.
            OptionKind.Member => parameter with { Type = ApplicationCommandOptionType.User },
            OptionKind.Channel => parameter with { Type = ApplicationCommandOptionType.Channel, ChannelTypes = MessageChannelTypes },
            OptionKind.Role => parameter with { Type = ApplicationCommandOptionType.Role },
            _ when option.Choices.Count > 0 => parameter with { Choices = [.. option.Choices.Select(c => new ApplicationCommandChoice(c, c))] },
            _ => parameter with
            {
                Autocomplete = option.Suggest == Suggestions.None ? null : true,
                MaxLength = Math.Clamp(option.MaxLength, 1, 6000),
            },
        };
    }

    private static void CheckOptions(string where, IReadOnlyList<ApplicationCommandOption> options, List<string> problems)
    {
        if (options.Count > MaxOptions)
        {
            problems.Add($"{where} has {options.Count} options; Discord allows {MaxOptions}.");
        }

        problems.AddRange(options.GroupBy(o => o.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{where} repeats option '{g.Key}'."));
        if (options.SkipWhile(o => o.Required == true).Any(o => o.Required == true))
        {
            problems.Add($"{where} lists a required option after an optional one.");
        }

        foreach (var option in options)
        {
            var at = $"{where} {option.Name}";
            CheckNamed(at, option.Name, option.Description, option.DescriptionLocalizations, problems);
            var choices = option.Choices ?? [];
            if (choices.Count > MaxChoices)
            {
                problems.Add($"{at} has {choices.Count} choices; Discord allows {MaxChoices}.");
            }

            if (choices.Count > 0 && option.Autocomplete == true)
            {
                problems.Add($"{at} has both choices and autocomplete.");
            }

            problems.AddRange(choices.Where(c => c.Name.Length is 0 or > 100 || c.Value.Length is 0 or > 100).Select(c => $"{at} choice '{c.Value}' is not 1–100 characters."));
            CheckOptions(at, option.Options ?? [], problems);
        }
    }

    private static void CheckNamed(string where, string name, string description, IReadOnlyDictionary<string, string>? localizations, List<string> problems)
    {
        if (!IsValidName(name))
        {
            problems.Add($"{where}: '{name}' is not a valid Discord name.");
        }

        foreach (var text in localizations?.Values.Prepend(description) ?? [description])
        {
            if (text.Length is 0 or > MaxDescriptionLength)
            {
                problems.Add($"{where}: description '{text}' is not 1–{MaxDescriptionLength} characters.");
            }
        }
    }

    /// <summary>Discord's 8000-character budget counts names, descriptions, localizations and choices of the whole tree.</summary>
    private static int CountCharacters(ApplicationCommand command) =>
        command.Name.Length + command.Description.Length + Count(command.NameLocalizations) + Count(command.DescriptionLocalizations)
        + (command.Options ?? []).Sum(CountCharacters);

    private static int CountCharacters(ApplicationCommandOption option) =>
        option.Name.Length + option.Description.Length + Count(option.NameLocalizations) + Count(option.DescriptionLocalizations)
        + (option.Choices ?? []).Sum(c => c.Name.Length + c.Value.Length + Count(c.NameLocalizations))
        + (option.Options ?? []).Sum(CountCharacters);

    private static int Count(IReadOnlyDictionary<string, string>? localizations) => localizations?.Values.Sum(v => v.Length) ?? 0;

    private static Dictionary<string, string> Japanese(LocalizedText text) => new(StringComparer.Ordinal) { [JapaneseLocale] = text.Ja };

    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}

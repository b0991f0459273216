namespace NetworkBot.Core.Commands;

/// <summary>
/// Validated, typed option values of one command, read through the options the command table declares. An option
/// given empty is present with a null value: for profile fields that means "clear it".
/// </summary>
public sealed class CommandOptions(CommandSpec command, IReadOnlyDictionary<string, object?> values)
{
    public int Count => values.Count;

    /// <summary>True when the caller gave <paramref name="option"/>, even empty; tells "clear it" from "leave it".</summary>
    public bool Has(OptionSpec option) => values.ContainsKey(Declared(option).Name);

    /// <summary>The value of <paramref name="option"/>; null when it was not given or given empty.</summary>
    public T Get<T>(Option<T> option) => values.GetValueOrDefault(Declared(option).Name) is T value ? value : default!;

    /// <summary>The value of <paramref name="option"/>, which the binder made sure was given.</summary>
    public T Get<T>(RequiredOption<T> option)
        where T : notnull =>
        values.GetValueOrDefault(Declared(option).Name) is T value
            ? value
            : throw new InvalidOperationException($"{command.Path} was bound without its required option {option.Name}.");

    // Reading an option the command does not declare is a handler bug that would otherwise read as "not given" forever.
    private OptionSpec Declared(OptionSpec option) =>
        command.Options.Any(o => o.Name == option.Name && o.Kind == option.Kind)
            ? option
            : throw new InvalidOperationException($"{command.Path} declares no option {option.Name} of kind {option.Kind}.");
}

namespace NetworkBot.Core.Replies;

/// <summary>
/// What pressing a button, picking from a select or submitting a form does: run a command of the table
/// with these options. Adapters encode it into a custom id / action value and decode it back.
/// </summary>
public sealed record CommandInvocation(string Path, IReadOnlyDictionary<string, string> Options)
{
    public static CommandInvocation Of(string path, params (string Name, string Value)[] options) =>
        new(path, options.ToDictionary(o => o.Name, o => o.Value, StringComparer.Ordinal));
}

using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Commands;

/// <summary>The outcome of reading a typed command line.</summary>
public abstract record CommandParseResult
{
    private CommandParseResult()
    {
    }

    public sealed record Parsed(string Path, IReadOnlyDictionary<string, string> Options) : CommandParseResult;

    public sealed record Invalid(LocalizedMessage Error) : CommandParseResult;
}

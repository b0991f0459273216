namespace NetworkBot.Core.Commands;

/// <summary>A group of command handlers (<c>/coffee …</c>, <c>/intro …</c>), keyed by command path.</summary>
public interface ICommandModule
{
    IReadOnlyDictionary<string, CommandHandler> Handlers { get; }
}

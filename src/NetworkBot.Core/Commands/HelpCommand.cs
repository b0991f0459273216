using System.Text;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Commands;

/// <summary><c>/help</c>: the commands the caller may use, in the caller's language, straight from the command table.</summary>
public sealed class HelpCommand : ICommandModule
{
    public IReadOnlyDictionary<string, CommandHandler> Handlers => new Dictionary<string, CommandHandler>
    {
        ["help"] = HelpAsync,
    };

    private static Task<Reply> HelpAsync(CommandContext context, CancellationToken ct)
    {
        var visible = CommandTable.All.Where(c => !c.Hidden && (!c.ManagerOnly || context.CallerIsManager)).ToList();
        var fields = visible
            .GroupBy(c => c.ManagerOnly)
            .OrderBy(g => g.Key)
            .Select(g => new ReplyField(
                g.Key ? context.Text(Messages.HelpManagerSection) : context.Text(Messages.HelpTitle),
                string.Join('\n', g.Select(c => $"{Usage(c)} — {c.Description.Get(context.Language)}"))))
            .ToList();
        return Task.FromResult(new Reply(context.Text(Messages.HelpIntro)) { Title = context.Text(Messages.HelpTitle), Fields = fields });
    }

    /// <summary><c>/coffee pause &lt;until&gt;</c>, <c>/intro show [member]</c>: required options in angle brackets, optional in square ones.</summary>
    public static string Usage(CommandSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var usage = new StringBuilder("/").Append(spec.Path);
        foreach (var option in spec.Options)
        {
            usage.Append(option.Required ? $" <{option.Name}>" : $" [{option.Name}]");
        }

        return usage.ToString();
    }
}

using NetworkBot.Host.Cli;
using NetworkBot.Host.Shell;

namespace NetworkBot.Host;

internal static class Program
{
    public static Task<int> Main(string[] args) =>
        new NetworkBotCli(ShellConsole.System(), new Dictionary<string, string?>()).InvokeAsync(args, CancellationToken.None);
}

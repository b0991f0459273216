namespace NetworkBot.Host.Shell;

/// <summary>The terminal the shell and the demo talk to; tests give it strings instead of the console.</summary>
public sealed record ShellConsole(TextReader In, TextWriter Out, TextWriter Error, bool IsInteractive)
{
    public static ShellConsole System() =>
        new(Console.In, Console.Out, Console.Error, !Console.IsInputRedirected);
}

using System.Threading.Channels;

namespace NetworkBot.Host.Tests.Journeys;

/// <summary>
/// The shell's standard input in a journey: lines are handed over one at a time, and <see cref="Waiting"/> completes
/// when the shell asks for the next one, which is when everything the last line caused has been printed.
/// </summary>
internal sealed class LineFeed : TextReader
{
    private readonly Channel<string> lines = Channel.CreateUnbounded<string>();
    private TaskCompletionSource waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Waiting => Volatile.Read(ref waiting).Task;

    public void Send(string line)
    {
        Volatile.Write(ref waiting, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lines.Writer.TryWrite(line);
    }

    /// <summary>No more lines: the shell reads the end of its input and stops.</summary>
    public void End() => lines.Writer.TryComplete();

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        Volatile.Read(ref waiting).TrySetResult();
        return await lines.Reader.WaitToReadAsync(cancellationToken) && lines.Reader.TryRead(out var line) ? line : null;
    }

    public override string? ReadLine() => ReadLineAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
}

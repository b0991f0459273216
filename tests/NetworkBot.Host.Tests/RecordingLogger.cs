using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace NetworkBot.Host.Tests;

/// <summary>A hosted service's log lines as their level and text, in order, for a test to wait on instead of sleeping.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly Channel<(LogLevel Level, string Text)> lines = Channel.CreateUnbounded<(LogLevel, string)>();

    public ChannelReader<(LogLevel Level, string Text)> Lines => lines.Reader;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        lines.Writer.TryWrite((logLevel, formatter(state, exception)));
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NetworkBot.Discord.Tests.Gateway;

/// <summary>Keeps every log line written through the container's loggers, to assert on what an operator would read.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> lines = new();

    public IReadOnlyList<LogLine> Lines => [.. lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    public sealed record LogLine(int EventId, LogLevel Level, string Message);

    private sealed class Logger(LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.lines.Enqueue(new LogLine(eventId.Id, logLevel, formatter(state, exception)));
    }
}

using Microsoft.Extensions.Logging;

namespace NetworkBot.Core.Scheduling;

internal static partial class SchedulingLog
{
    [LoggerMessage(EventId = 4500, Level = LogLevel.Warning, Message = "Scheduler step {Step} of {Subject} failed with {ExceptionType}; the others go on, it is tried again in {Backoff}")]
    public static partial void Failed(ILogger logger, string step, string subject, string exceptionType, TimeSpan backoff);

    [LoggerMessage(EventId = 4501, Level = LogLevel.Information, Message = "Scheduler step {Step} of {Subject} works again after {Failures} failures")]
    public static partial void Recovered(ILogger logger, string step, string subject, int failures);

    [LoggerMessage(EventId = 4502, Level = LogLevel.Debug, Message = "Scheduler step {Step} of {Subject} lost to another write (data changed since it was read, or a database conflict; attempt {Attempt}); deciding again on fresh data")]
    public static partial void Stale(ILogger logger, string step, string subject, int attempt);

    [LoggerMessage(EventId = 4504, Level = LogLevel.Debug, Message = "Scheduler step {Step} of {Subject} skipped this tick: another instance holds the community's step lock")]
    public static partial void HeldElsewhere(ILogger logger, string step, string subject);

    [LoggerMessage(EventId = 4503, Level = LogLevel.Critical, Message = "Stopping: the store could not be reached for {Duration} (last failure {ExceptionType})")]
    public static partial void StoreUnavailable(ILogger logger, TimeSpan duration, string exceptionType);
}

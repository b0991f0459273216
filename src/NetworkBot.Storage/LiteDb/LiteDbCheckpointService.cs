using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NetworkBot.Storage.LiteDb;

/// <summary>
/// <c>run</c>'s checkpoints of its LiteDB file: every <see cref="StorageOptions.CheckpointInterval"/> by
/// <see cref="TimeProvider"/>, and once more when the bot stops, the log is folded into the data file on the writer
/// thread, between transactions (<see cref="LiteDbWriter.MaintainAsync{T}"/>). LiteDB checkpoints by itself only when
/// the log reaches 1,000 pages, so a quiet bot would otherwise keep its recent writes in the log for days, and a file
/// copied without the bot (after a crash) would miss them. A checkpoint that fails is logged and tried again at the
/// next interval: it never stops the bot. Hosted for <c>Storage:Provider=litedb</c> only.
/// </summary>
public sealed partial class LiteDbCheckpointService(
    LiteDbStore store, IOptions<StorageOptions> options, TimeProvider time, ILogger<LiteDbCheckpointService> logger) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await CheckpointAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await CheckpointAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task CheckpointAsync(CancellationToken ct)
    {
        try
        {
            await store.Writer.CheckpointAsync(ct).ConfigureAwait(false);
            Checkpointed(logger);
        }
        catch (IOException exception)
        {
            Failed(logger, exception.Message);
        }
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "LiteDB log folded into the data file")]
    private static partial void Checkpointed(ILogger logger);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "LiteDB checkpoint failed, tried again at the next interval: {Reason}")]
    private static partial void Failed(ILogger logger, string reason);
}

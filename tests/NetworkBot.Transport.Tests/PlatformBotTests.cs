using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkBot.Tests;

namespace NetworkBot.Transport.Tests;

public sealed class PlatformBotTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TimerCountingTimeProvider clock = new();
    private readonly Lifetime lifetime = new();

    private ScriptedBot Bot(params Func<Exception?>[] startUps) => new(lifetime, clock, startUps);

    [Fact]
    public async Task A_refused_connection_at_start_is_waited_out_and_the_bot_then_runs()
    {
        var refused = () => (Exception?)new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused");
        using var bot = Bot(refused, refused, () => null);

        await bot.StartAsync(CancellationToken.None);
        await clock.AdvanceUntilAsync(bot.Running.Task, TimeSpan.FromMinutes(1));

        Assert.Equal(3, bot.StartUps);
        Assert.False(bot.Refused);
        Assert.False(lifetime.Stopped);
        await bot.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_platform_outage_at_start_is_waited_out_as_long_as_it_lasts()
    {
        var outage = () => (Exception?)new OutageException();
        using var bot = Bot([.. Enumerable.Repeat(outage, 12), () => null]);

        await bot.StartAsync(CancellationToken.None);
        await clock.AdvanceUntilAsync(bot.Running.Task, TimeSpan.FromMinutes(1));

        Assert.Equal(13, bot.StartUps);
        await bot.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_refusal_at_start_stops_the_process_at_once_without_retrying()
    {
        using var bot = Bot(() => new RefusalException());

        await bot.StartAsync(CancellationToken.None);
        await bot.ExecuteTask!.WaitAsync(Patience);

        Assert.True(bot.Refused);
        Assert.True(lifetime.Stopped);
        Assert.Equal(1, bot.StartUps);
        Assert.Equal(0, clock.TimersCreated);
    }

    [Fact]
    public async Task A_failure_that_is_neither_an_outage_nor_a_refusal_faults_the_bot()
    {
        using var bot = Bot(() => new InvalidOperationException("a bug"));

        await bot.StartAsync(CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => bot.ExecuteTask!.WaitAsync(Patience));
        Assert.False(bot.Refused);
        Assert.False(lifetime.Stopped);
    }

    [Fact]
    public async Task A_failing_handler_does_not_take_its_worker_down()
    {
        using var bot = Bot(() => null);
        await bot.StartAsync(CancellationToken.None);
        await bot.Running.Task.WaitAsync(Patience);

        await bot.Items.Writer.WriteAsync(-1);
        await bot.Items.Writer.WriteAsync(7);
        bot.Items.Writer.Complete();

        Assert.Equal(7, await bot.Handled.Task.WaitAsync(Patience));
        await bot.ExecuteTask!.WaitAsync(Patience);
        Assert.True(bot.ExecuteTask.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_bot_without_its_token_does_nothing()
    {
        using var bot = new ScriptedBot(lifetime, clock, [() => null]) { Enabled = false };

        await bot.StartAsync(CancellationToken.None);
        await bot.ExecuteTask!.WaitAsync(Patience);

        Assert.Equal(0, bot.StartUps);
        Assert.False(bot.Running.Task.IsCompleted);
    }

    private sealed class OutageException : Exception;

    private sealed class RefusalException() : Exception("the token was rejected");

    /// <summary>A bot whose start-up fails as scripted, and whose run is one worker over <see cref="Items"/>.</summary>
    private sealed class ScriptedBot(IHostApplicationLifetime lifetime, TimeProvider time, Func<Exception?>[] startUps)
        : PlatformBot("Test", lifetime, time, FixedRandom.Top, NullLogger.Instance)
    {
        public bool Enabled { get; init; } = true;

        public int StartUps { get; private set; }

        public TaskCompletionSource Running { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<int> Handled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Channel<int> Items { get; } = Channel.CreateUnbounded<int>();

        protected override bool IsEnabled => Enabled;

        protected override Task StartUpAsync(CancellationToken ct) =>
            startUps[StartUps++]() is { } failure ? Task.FromException(failure) : Task.CompletedTask;

        protected override Task RunAsync(CancellationToken ct)
        {
            Running.TrySetResult();
            return RunWorkersAsync(1, Items.Reader, (item, token) => HandleAsync(_ => Handle(item), "item", token), ct);
        }

        protected override bool IsRefusal(Exception exception, out string? reason)
        {
            reason = exception.Message;
            return exception is RefusalException;
        }

        protected override bool IsOutage(Exception exception) => ReconnectLoop.IsUnanswered(exception) || exception is OutageException;

        private Task Handle(int item)
        {
            if (item < 0)
            {
                throw new InvalidOperationException("a failing handler");
            }

            Handled.TrySetResult(item);
            return Task.CompletedTask;
        }
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public bool Stopped { get; private set; }

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => Stopped = true;
    }
}

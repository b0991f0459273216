namespace NetworkBot.Slack.Tests.SocketMode;

/// <summary>
/// Socket Mode with commands in flight when a socket dies or is replaced: Slack redelivers what it saw unacknowledged,
/// and each command must run once and be answered once — in the acknowledgement Slack still reads, or by its
/// <c>response_url</c> when none can carry the answer.
/// </summary>
public sealed class AnsweredOnceTests : IAsyncLifetime
{
    private SlackBotRunHarness bot = null!;

    public async Task InitializeAsync() => bot = await SlackBotRunHarness.StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task A_command_whose_socket_dropped_before_its_answer_is_answered_once_in_the_redeliverys_ack_and_runs_once()
    {
        var (first, command, second) = await bot.HeldCommandOnADroppedSocketAsync();
        Assert.Equal([command], await first.RedeliverUnackedAsync(second, bot.Timeout));
        await second.SyncAsync(bot.Timeout);
        bot.Gate.Open();
        await bot.WaitForAnsweringAcksAsync(second, [command]);

        Assert.Equal(1, bot.AnswersPerCommand([command])[command]);
        Assert.Equal(0, bot.OtherAnswers);
        Assert.Equal([command], await bot.EventTitlesAsync());
    }

    [Theory]
    [InlineData("refresh_requested")]
    [InlineData("warning")]
    public async Task Commands_in_flight_when_slack_replaces_the_socket_and_then_closes_it_are_answered_once_each(string reason)
    {
        var old = await bot.FirstConnectionAsync();
        bot.Gate.Close();
        string[] commands = [await bot.SendCommandAsync(old), await bot.SendCommandAsync(old), await bot.SendCommandAsync(old)];
        await old.SyncAsync(bot.Timeout);

        await old.DisconnectAsync(reason, bot.Timeout);
        var next = await bot.Slack.NextConnectionAsync(bot.Timeout);
        old.Abort();
        Assert.Equal(commands, await old.RedeliverUnackedAsync(next, bot.Timeout));
        await next.SyncAsync(bot.Timeout);
        bot.Gate.Open();
        await bot.WaitForAnsweringAcksAsync(next, commands);

        Assert.All(bot.AnswersPerCommand(commands), answers => Assert.Equal(1, answers.Value));
        Assert.Equal(0, bot.OtherAnswers);
        Assert.Equal(commands.Order(), (await bot.EventTitlesAsync()).Order());
    }

    [Fact]
    public async Task An_answer_whose_ack_died_with_its_socket_before_any_redelivery_goes_by_response_url_and_the_redelivery_is_acked_empty()
    {
        var (first, command, second) = await bot.HeldCommandOnADroppedSocketAsync();
        bot.Gate.Open();
        var hook = await bot.Api.WaitForHookAsync(h => h.Id == command, bot.Timeout);
        await first.RedeliverUnackedAsync(second, bot.Timeout);
        await second.SyncAsync(bot.Timeout);

        Assert.Equal("ephemeral", hook.Body["response_type"]?.GetValue<string>());
        Assert.Contains(command, hook.Text, StringComparison.Ordinal);
        Assert.Equal("", hook.Authorization);
        var redeliveryAck = Assert.Single(second.Received, f => f.GetProperty("envelope_id").GetString() == command);
        Assert.False(redeliveryAck.TryGetProperty("payload", out _));
        Assert.Equal(1, bot.AnswersPerCommand([command])[command]);
        Assert.Equal(0, bot.OtherAnswers);
        Assert.Equal([command], await bot.EventTitlesAsync());
    }

    [Fact]
    public async Task A_burst_of_commands_across_drops_and_replacements_is_answered_exactly_once_per_command()
    {
        var commands = new List<string>();
        var connection = await bot.FirstConnectionAsync();
        bot.Gate.Close();

        // Four sockets die in turn with every command still in flight: a plain drop, then Slack replacing the socket
        // (refresh_requested, warning, refresh_requested) and closing the old one before the bot could answer on it.
        string?[] endings = [null, "refresh_requested", "warning", "refresh_requested"];
        foreach (var ending in endings)
        {
            for (var i = 0; i < 4; i++)
            {
                commands.Add(await bot.SendCommandAsync(connection));
            }

            await connection.SyncAsync(bot.Timeout);
            if (ending is not null)
            {
                await connection.DisconnectAsync(ending, bot.Timeout);
            }
            else
            {
                connection.Abort();
            }

            var next = await bot.Slack.NextConnectionAsync(bot.Timeout);
            connection.Abort();
            await connection.RedeliverUnackedAsync(next, bot.Timeout);
            connection = next;
        }

        for (var i = 0; i < 4; i++)
        {
            commands.Add(await bot.SendCommandAsync(connection));
        }

        await connection.SyncAsync(bot.Timeout);
        bot.Gate.Open();
        await bot.WaitForAnsweringAcksAsync(connection, commands);

        var answers = bot.AnswersPerCommand(commands);
        Assert.Equal(20, answers.Count);
        Assert.All(answers, a => Assert.True(a.Value == 1, $"{a.Key} was answered {a.Value} times"));
        Assert.Equal(0, bot.OtherAnswers);
        Assert.Equal(commands.Order(), (await bot.EventTitlesAsync()).Order());
    }
}

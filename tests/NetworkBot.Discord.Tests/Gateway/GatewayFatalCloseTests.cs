using NetworkBot.Discord.Gateway;

namespace NetworkBot.Discord.Tests.Gateway;

public sealed class GatewayFatalCloseTests
{
    [Theory]
    [InlineData(4004, "Discord:Token was rejected")]
    [InlineData(4010, "Discord:ShardId")]
    [InlineData(4011, "Discord:ShardCount")]
    [InlineData(4012, "update NetworkBot")]
    [InlineData(4013, "bug")]
    [InlineData(4014, "enable the Server Members intent (GUILD_MEMBERS) in the Developer Portal")]
    public async Task A_fatal_close_stops_without_reconnecting_and_logs_one_line_with_the_fix(int code, string fix)
    {
        await using var harness = await GatewayHarness.StartAsync();
        var connection = await harness.NextConnectionAsync();
        await connection.ReceiveOpAsync(2, harness.Timeout);

        await connection.CloseAsync(code, harness.Timeout);

        var error = await Assert.ThrowsAsync<DiscordGatewayFatalException>(() => harness.Run.WaitAsync(harness.Timeout));
        Assert.Equal(code, error.CloseCode);
        Assert.Contains(fix, error.Fix, StringComparison.Ordinal);
        var line = Assert.Single(harness.Logs.Lines, l => l.EventId == 2305);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), line.Message, StringComparison.Ordinal);
        Assert.Contains(fix, line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Logs.Lines, l => l.Message.Contains(GatewayHarness.Token, StringComparison.Ordinal));
        Assert.Equal(1, harness.Fake.ConnectionCount);
        await foreach (var unread in harness.Gateway.Dispatches.ReadAllAsync(harness.Timeout))
        {
            Assert.Equal("READY", unread.Type);
        }
    }
}

using NetworkBot.Tests;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkBot.Slack.Inbound;

namespace NetworkBot.Slack.Tests.Inbound;

public sealed class SlackInboundTests
{
    private static readonly JsonElement Command = JsonDocument.Parse("""{"command":"/network","text":"intro"}""").RootElement;

    [Fact]
    public async Task A_consumer_acknowledges_once_and_a_second_ack_is_a_bug()
    {
        var inbound = new SlackInbound(SlackInboundKind.SlashCommand, Command, "d1", new TimerCountingTimeProvider());

        Assert.True(await inbound.AckAsync(new JsonObject { ["text"] = "hi" }));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await inbound.AckAsync(null));
        Assert.Equal("""{"text":"hi"}""", (await inbound.Acknowledgement)!.ToJsonString());
        Assert.Equal("/network", inbound.Type);
    }

    [Fact]
    public async Task The_deadline_acknowledges_empty_and_a_late_consumer_ack_is_refused()
    {
        var time = new TimerCountingTimeProvider();
        var inbound = new SlackInbound(SlackInboundKind.SlashCommand, Command, "d1", time);

        time.Advance(SlackInbound.AckDeadline);

        Assert.True(inbound.IsAcknowledged);
        Assert.Null(await inbound.Acknowledgement);
        Assert.False(await inbound.AckAsync(new JsonObject()));
    }

    [Fact]
    public void Delivery_memory_forgets_after_its_lifetime_and_beyond_its_capacity()
    {
        var time = new TimerCountingTimeProvider();
        var memory = new DeliveryMemory(time, capacity: 2);
        bool Remember(params string[] keys) => memory.TryRemember(keys, new AnswerHandoff(), out _);

        Assert.True(Remember("a"));
        Assert.False(Remember("a"));
        Assert.False(Remember("b", "a"));
        Assert.False(Remember("b"));
        time.Advance(DeliveryMemory.Lifetime + TimeSpan.FromSeconds(1));
        Assert.True(Remember("a"));
        Assert.True(Remember("c"));
        Assert.True(Remember("d"));
        Assert.True(Remember("a"));
    }
}

using System.Text.Json;
using NetworkBot.Core.Domain;
using NetworkBot.Discord.Events;

namespace NetworkBot.Discord.Tests.Events;

public sealed class ScheduledEventUserTests
{
    private static ScheduledEventUser? Read(string json, MemberId? bot = null)
    {
        using var document = JsonDocument.Parse(json);
        return ScheduledEventUser.From(document.RootElement, bot);
    }

    [Fact]
    public void The_bot_marked_interested_in_its_own_event_is_nobodys_maybe()
    {
        const string Data = """{"guild_scheduled_event_id":"60","user_id":"900","guild_id":"555"}""";

        Assert.Null(Read(Data, new MemberId("900")));
        Assert.NotNull(Read(Data, new MemberId("901")));
    }

    [Fact]
    public void The_gateway_data_names_the_guild_the_scheduled_event_and_the_member() =>
        Assert.Equal(
            new ScheduledEventUser(CommunityId.For("discord", "555"), "60", new MemberId("701")),
            Read("""{"guild_scheduled_event_id":"60","user_id":"701","guild_id":"555"}"""));

    [Theory]
    [InlineData("""{"guild_scheduled_event_id":"60","user_id":"701"}""")]
    [InlineData("""{"guild_scheduled_event_id":"60","user_id":701,"guild_id":"555"}""")]
    [InlineData("""{"guild_scheduled_event_id":"","user_id":"701","guild_id":"555"}""")]
    [InlineData("""[]""")]
    public void Incomplete_data_is_ignored(string json) => Assert.Null(Read(json));
}

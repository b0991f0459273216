using System.Text;
using NetworkBot.Discord.Gateway;

namespace NetworkBot.Discord.Tests.Gateway;

public sealed class GatewayPayloadTests
{
    [Fact]
    public void The_real_hello_with_its_trace_field_parses()
    {
        Assert.True(GatewayPayload.TryParse("""{"t":null,"s":null,"op":10,"d":{"heartbeat_interval":41250,"_trace":["[\"gateway-prd-main-858d\",{\"micros\":0.0}]"]}}"""u8, out var hello));

        Assert.Equal(41250, hello.DataAs(GatewayJsonContext.Default.HelloData)!.HeartbeatInterval);
    }

    [Fact]
    public void Ready_gives_what_a_resume_needs_and_who_the_bot_is()
    {
        var frame = """
            {"op":0,"s":1,"t":"READY","d":{"v":10,"user":{"id":"845027738276462632","username":"NetworkBot","bot":true,"global_name":null},
             "guilds":[{"id":"290926798626357999","unavailable":true}],"session_id":"d1a2b3","resume_gateway_url":"wss://gateway-us-east1-b.discord.gg",
             "shard":[0,1],"application":{"id":"845027738276462632","flags":565248},"_trace":["x"]}}
            """u8;

        Assert.True(GatewayPayload.TryParse(frame, out var payload));
        var ready = payload.DataAs(GatewayJsonContext.Default.ReadyData)!;

        Assert.Equal((GatewayOpcode.Dispatch, 1L, "READY"), (payload.Op, payload.S, payload.T));
        Assert.Equal(("d1a2b3", "wss://gateway-us-east1-b.discord.gg", "845027738276462632"), (ready.SessionId, ready.ResumeGatewayUrl, ready.Application.Id));
        Assert.Equal(("NetworkBot", true), (ready.User.Username, ready.User.Bot));
    }

    [Fact]
    public void A_dispatch_keeps_its_data_for_the_handler_that_understands_it()
    {
        Assert.True(GatewayPayload.TryParse("""{"op":0,"s":5,"t":"INTERACTION_CREATE","d":{"type":1,"id":"1"}}"""u8, out var payload));

        Assert.Equal((5L, "INTERACTION_CREATE"), (payload.S, payload.T));
        Assert.Equal(1, payload.D.GetProperty("type").GetInt32());
        Assert.Null(payload.DataAs(GatewayJsonContext.Default.HelloData));
        Assert.Null(payload.DataAs(GatewayJsonContext.Default.ReadyData));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{"d":null}""")]
    [InlineData("""{"op":"ten"}""")]
    public void Frames_that_are_not_payloads_are_refused(string frame)
    {
        Assert.False(GatewayPayload.TryParse(Encoding.UTF8.GetBytes(frame), out _));
    }

    [Fact]
    public void Data_of_another_shape_reads_as_null()
    {
        Assert.True(GatewayPayload.TryParse("""{"op":10,"d":{"heartbeat_interval":"soon"}}"""u8, out var payload));

        Assert.Null(payload.DataAs(GatewayJsonContext.Default.HelloData));
    }

    [Fact]
    public void The_first_heartbeat_sends_a_null_sequence()
    {
        Assert.Equal("""{"op":1,"d":null}""", Encoding.UTF8.GetString(GatewayPayload.Heartbeat(null).ToUtf8Json()));
        Assert.Equal("""{"op":1,"d":42}""", Encoding.UTF8.GetString(GatewayPayload.Heartbeat(42).ToUtf8Json()));
    }

    [Fact]
    public void Identify_carries_token_intents_properties_and_shard_but_never_logs_the_token()
    {
        var identify = new IdentifyData("secret.token", GatewayIntents.Guilds | GatewayIntents.GuildMembers | GatewayIntents.GuildScheduledEvents, IdentifyProperties.NetworkBot)
        {
            Shard = [0, 1],
        };

        var json = Encoding.UTF8.GetString(GatewayPayload.Identify(identify).ToUtf8Json());

        Assert.Contains("\"intents\":65539", json, StringComparison.Ordinal);
        Assert.Contains("\"shard\":[0,1]", json, StringComparison.Ordinal);
        Assert.Contains("\"browser\":\"networkbot\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", identify.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", new ResumeData("secret.token", "s", 1).ToString(), StringComparison.Ordinal);
    }
}

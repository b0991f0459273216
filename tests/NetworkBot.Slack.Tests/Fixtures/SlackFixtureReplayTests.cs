using NetworkBot.Tests;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NetworkBot.Slack.Http;
using NetworkBot.Slack.Inbound;
using NetworkBot.Slack.SocketMode;
using NetworkBot.Slack.Tests.Http;

namespace NetworkBot.Slack.Tests.Fixtures;

/// <summary>Every real Slack payload the transports can receive, through the parsers that receive it.</summary>
public sealed class SlackFixtureReplayTests
{
    private static readonly TimerCountingTimeProvider Time = new();

    public static TheoryData<string> Socket => [.. SlackFixtures.Named("socket_")];

    public static TheoryData<string> Events => [.. SlackFixtures.Named("event_")];

    public static TheoryData<string> Interactive => [.. SlackFixtures.Named("interactive_")];

    public static TheoryData<string> Schemas => [.. SlackFixtures.Named("schema_")];

    public static TheoryData<string> Http => [.. SlackFixtures.Named("http_")];

    [Fact]
    public void The_fixture_folder_holds_every_kind_replayed_here()
    {
        Assert.All(new[] { Socket, Events, Interactive, Schemas, Http }, set => Assert.NotEmpty(set));
    }

    [Theory]
    [MemberData(nameof(Socket))]
    public void Socket_mode_frames_parse_into_hello_disconnect_or_a_delivery(string name)
    {
        Assert.True(SocketModeFrame.TryParse(SlackFixtures.Bytes(name), out var frame));
        var json = SlackFixtures.Object(name);

        switch (frame.Type)
        {
            case SocketModeFrame.Hello:
                Assert.Equal(json["num_connections"]!.GetValue<int>(), frame.NumConnections);
                Assert.Equal(18060, frame.ApproximateConnectionSeconds);
                break;
            case SocketModeFrame.Disconnect:
                Assert.Equal(json["reason"]!.GetValue<string>(), frame.Reason);
                break;
            default:
                var kind = Assert.NotNull(frame.Kind);
                var inbound = Assert.IsType<SlackInbound>(new SlackInbox(Time).Receive(kind, frame.Payload, Assert.IsType<string>(frame.EnvelopeId), frame.EventId, frame.RetryAttempt).Inbound);
                Assert.Equal(json["envelope_id"]!.GetValue<string>(), inbound.DeliveryId);
                Assert.False(string.IsNullOrEmpty(inbound.Type));
                Assert.True(JsonNode.DeepEquals(json["payload"], JsonNode.Parse(inbound.Payload.GetRawText())));
                Assert.Equal(kind == SlackInboundKind.Event, inbound.EventId is not null);
                var ack = JsonNode.Parse(SocketModeFrame.Ack(inbound.DeliveryId, new JsonObject()))!;
                Assert.Equal(inbound.DeliveryId, ack["envelope_id"]!.GetValue<string>());
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Inner_events_parse_inside_an_events_api_body(string name)
    {
        var body = new JsonObject { ["type"] = "event_callback", ["event_id"] = "Ev0001", ["event"] = SlackFixtures.Object(name) };

        var parsed = Assert.IsType<SlackHttpBody>(SlackHttpBody.TryParse(SlackInboundKind.Event, Encoding.UTF8.GetBytes(body.ToJsonString())));
        var inbound = new SlackInbound(SlackInboundKind.Event, parsed.Payload, parsed.DeliveryId, Time) { EventId = parsed.EventId };

        Assert.Equal("member_joined_channel", inbound.Type);
        Assert.Equal("Ev0001", inbound.DeliveryId);
        Assert.Equal("Ev0001", inbound.EventId);
    }

    [Theory]
    [MemberData(nameof(Interactive))]
    public void Interaction_payloads_parse_from_an_http_form_body(string name)
    {
        var payload = SlackFixtures.Object(name);

        var parsed = Assert.IsType<SlackHttpBody>(SlackHttpBody.TryParse(SlackInboundKind.Interactive, SlackForm.Utf8(SlackForm.Payload(payload))));

        Assert.True(JsonNode.DeepEquals(payload, JsonNode.Parse(parsed.Payload.GetRawText())));
        Assert.StartsWith("sha256:", parsed.DeliveryId, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Schema_skeletons_parse_as_what_they_describe(string name)
    {
        var skeleton = SlackFixtures.Object(name);
        var (kind, body) = name switch
        {
            _ when name.Contains("slash_command", StringComparison.Ordinal) => (SlackInboundKind.SlashCommand, SlackForm.Utf8(SlackForm.Encode(skeleton))),
            _ when name.Contains("_events_", StringComparison.Ordinal) => (SlackInboundKind.Event, Encoding.UTF8.GetBytes(skeleton.ToJsonString())),
            _ => (SlackInboundKind.Interactive, SlackForm.Utf8(SlackForm.Payload(skeleton))),
        };

        var parsed = Assert.IsType<SlackHttpBody>(SlackHttpBody.TryParse(kind, body));

        // Form bodies carry strings, and is_enterprise_install comes back as the boolean Socket Mode sends.
        Assert.True(JsonNode.DeepEquals(skeleton, JsonNode.Parse(parsed.Payload.GetRawText())));
    }

    [Theory]
    [MemberData(nameof(Http))]
    public void Http_examples_verify_and_decode_to_their_documented_fields(string name)
    {
        var example = SlackFixtures.Object(name);
        var body = Encoding.UTF8.GetBytes(example["raw_body"]!.GetValue<string>());

        if (example["x_slack_signature"] is { } signature)
        {
            var timestamp = example["x_slack_request_timestamp"]!.GetValue<string>();
            var signedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(timestamp, CultureInfo.InvariantCulture));
            var secret = example["signing_secret"]!.GetValue<string>();
            Assert.True(SlackRequestSignature.IsValid(secret, timestamp, signature.GetValue<string>(), body, signedAt.AddMinutes(4)));
            Assert.Equal(signature.GetValue<string>(), SlackRequestSignature.Sign(secret, timestamp, body));
            Assert.False(SlackRequestSignature.IsValid(secret, timestamp, signature.GetValue<string>(), body, signedAt.AddMinutes(6)));
            Assert.False(SlackRequestSignature.IsValid(secret + "x", timestamp, signature.GetValue<string>(), body, signedAt));
        }

        var parsed = Assert.IsType<SlackHttpBody>(SlackHttpBody.TryParse(SlackInboundKind.SlashCommand, body));
        if (example["decoded_fields"] is { } decoded)
        {
            Assert.True(JsonNode.DeepEquals(decoded, JsonNode.Parse(parsed.Payload.GetRawText())));
        }
    }
}

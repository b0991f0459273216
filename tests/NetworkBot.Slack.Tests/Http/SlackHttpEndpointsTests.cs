using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkBot.Slack.Http;
using NetworkBot.Slack.Inbound;
using NetworkBot.Slack.Tests.Fixtures;

namespace NetworkBot.Slack.Tests.Http;

public sealed class SlackHttpEndpointsTests
{
    private const string Command = "command=%2Fnetwork&text=coffee+join&team_id=T111&channel_id=C111&user_id=U111&trigger_id=1.2.3&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT111%2F1%2Fx";

    private static string EventBody(string eventId, string text) =>
        new JsonObject
        {
            ["type"] = "event_callback",
            ["team_id"] = "T111",
            ["event_id"] = eventId,
            ["event"] = new JsonObject { ["type"] = "app_mention", ["user"] = "U222", ["text"] = text, ["channel"] = "C111" },
        }.ToJsonString();

    [Fact]
    public async Task A_signed_slash_command_is_queued_and_the_consumers_ack_is_the_response()
    {
        await using var http = await HttpModeHarness.StartAsync();
        var fixture = SlackFixtures.Object("http_slash_command_form_body.docs.json");

        var posting = http.PostFormAsync(SlackHttpEndpoints.CommandsPath, SlackForm.Utf8(fixture["raw_body"]!.GetValue<string>()));
        var inbound = await http.NextInboundAsync();
        await inbound.AckAsync(new JsonObject { ["response_type"] = "ephemeral", ["text"] = "参加しました" });
        using var response = await posting;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(http.Timeout));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"response_type":"ephemeral","text":"参加しました"}"""), body));
        Assert.Equal(SlackInboundKind.SlashCommand, inbound.Kind);
        Assert.Equal("/webhook-collect", inbound.Type);
        Assert.True(JsonNode.DeepEquals(fixture["decoded_fields"], JsonNode.Parse(inbound.Payload.GetRawText())));
    }

    public static TheoryData<string, string> Forgeries => new()
    {
        { SlackHttpEndpoints.CommandsPath, "wrong signature" },
        { SlackHttpEndpoints.CommandsPath, "signed with another secret" },
        { SlackHttpEndpoints.CommandsPath, "stale timestamp" },
        { SlackHttpEndpoints.CommandsPath, "timestamp from the future" },
        { SlackHttpEndpoints.CommandsPath, "body changed after signing" },
        { SlackHttpEndpoints.CommandsPath, "no timestamp" },
        { SlackHttpEndpoints.CommandsPath, "no signature" },
        { SlackHttpEndpoints.CommandsPath, "signature without v0=" },
        { SlackHttpEndpoints.InteractionsPath, "body changed after signing" },
        { SlackHttpEndpoints.EventsPath, "stale timestamp" },
        { SlackHttpEndpoints.EventsPath, "wrong signature" },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_request_without_a_valid_signature_gets_401_and_nothing_is_queued(string path, string forgery)
    {
        await using var http = await HttpModeHarness.StartAsync();
        var body = SlackForm.Utf8(path switch
        {
            SlackHttpEndpoints.EventsPath => EventBody("Ev1", "hi"),
            SlackHttpEndpoints.InteractionsPath => "payload=" + Uri.EscapeDataString("""{"type":"block_actions","trigger_id":"1.2.3"}"""),
            _ => Command,
        });
        var now = http.Time.GetUtcNow();
        var signedAt = forgery switch
        {
            "stale timestamp" => now.AddSeconds(-301),
            "timestamp from the future" => now.AddSeconds(301),
            _ => now,
        };
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = SlackRequestSignature.Sign(forgery == "signed with another secret" ? "another-secret" : HttpModeHarness.SigningSecret, timestamp, body);
        var sent = forgery == "body changed after signing" ? SlackForm.Utf8(Encoding.UTF8.GetString(body).Replace("1.2.3", "1.2.4", StringComparison.Ordinal)) : body;

        using var response = await http.PostAsync(path, sent, path == SlackHttpEndpoints.EventsPath ? "application/json" : "application/x-www-form-urlencoded",
            timestamp: forgery == "no timestamp" ? "" : timestamp,
            signature: forgery switch
            {
                "wrong signature" => "v0=" + new string('0', 64),
                "no signature" => "",
                "signature without v0=" => signature["v0=".Length..],
                _ => signature,
            });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(http.Inbox.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Signatures_within_five_minutes_either_way_are_accepted()
    {
        await using var http = await HttpModeHarness.StartAsync();
        var fiveMinutesAgo = http.Time.GetUtcNow().AddSeconds(-300).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var posting = http.PostFormAsync(SlackHttpEndpoints.CommandsPath, SlackForm.Utf8(Command), timestamp: fiveMinutesAgo);
        var inbound = await http.NextInboundAsync();
        await inbound.AckAsync(null);
        using var response = await posting;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("text=coffee+join+now", "coffee join now")]
    [InlineData("text=coffee%20join%2Bnow", "coffee join+now")]
    [InlineData("text=%E3%82%B3%E3%83%BC%E3%83%92%E3%83%BC+%E5%8F%82%E5%8A%A0", "コーヒー 参加")]
    [InlineData("text=コーヒー+参加", "コーヒー 参加")]
    [InlineData("text=a%26b%3Dc+%25+100%", "a&b=c % 100%")]
    public async Task Signatures_are_checked_over_the_raw_bytes_before_the_form_is_decoded(string field, string text)
    {
        await using var http = await HttpModeHarness.StartAsync();
        var body = SlackForm.Utf8($"command=%2Fnetwork&{field}&user_id=U111&team_id=T111&trigger_id=9.9.9");

        var posting = http.PostFormAsync(SlackHttpEndpoints.CommandsPath, body);
        var inbound = await http.NextInboundAsync();
        await inbound.AckAsync(null);
        using var response = await posting;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(text, inbound.Payload.GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_event_with_japanese_text_and_plus_signs_is_verified_over_its_raw_json()
    {
        await using var http = await HttpModeHarness.StartAsync();

        var posting = http.PostJsonAsync(SlackHttpEndpoints.EventsPath, SlackForm.Utf8(EventBody("Ev9", "異業種交流会 + もくもく会 %20")));
        var inbound = await http.NextInboundAsync();
        await inbound.AckAsync(null);
        using var response = await posting;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ev9", inbound.DeliveryId);
        Assert.Equal("app_mention", inbound.Type);
        Assert.Equal("異業種交流会 + もくもく会 %20", inbound.Payload.GetProperty("event").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Url_verification_is_answered_with_the_challenge_and_not_queued()
    {
        await using var http = await HttpModeHarness.StartAsync();

        using var response = await http.PostJsonAsync(SlackHttpEndpoints.EventsPath,
            SlackForm.Utf8("""{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", await response.Content.ReadAsStringAsync(http.Timeout));
        Assert.False(http.Inbox.Reader.TryRead(out _));
    }

    [Theory]
    [InlineData("socket_envelope_slash_commands.java-sdk.json", SlackHttpEndpoints.CommandsPath)]
    [InlineData("socket_envelope_slash_commands.python-sdk.json", SlackHttpEndpoints.CommandsPath)]
    [InlineData("socket_envelope_interactive_block_actions.java-sdk.json", SlackHttpEndpoints.InteractionsPath)]
    [InlineData("socket_envelope_interactive_shortcut.python-sdk.json", SlackHttpEndpoints.InteractionsPath)]
    public async Task Form_bodies_become_the_same_payload_socket_mode_delivers(string envelope, string path)
    {
        await using var http = await HttpModeHarness.StartAsync();
        var socketPayload = SlackFixtures.Object(envelope)["payload"]!.AsObject();
        var body = path == SlackHttpEndpoints.CommandsPath ? SlackForm.Encode(socketPayload) : SlackForm.Payload(socketPayload);

        var posting = http.PostFormAsync(path, SlackForm.Utf8(body));
        var inbound = await http.NextInboundAsync();
        await inbound.AckAsync(null);
        using var response = await posting;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(JsonNode.DeepEquals(socketPayload, JsonNode.Parse(inbound.Payload.GetRawText())));
    }

    [Fact]
    public async Task A_view_submission_can_answer_with_validation_errors()
    {
        await using var http = await HttpModeHarness.StartAsync();
        var payload = """{"type":"view_submission","trigger_id":"1.2.3","view":{"id":"V1","callback_id":"intro","state":{"values":{}}}}""";

        var posting = http.PostFormAsync(SlackHttpEndpoints.InteractionsPath, SlackForm.Utf8("payload=" + Uri.EscapeDataString(payload)));
        var inbound = await http.NextInboundAsync();
        await inbound.AckAsync(JsonNode.Parse("""{"response_action":"errors","errors":{"pitch":"Required"}}"""));
        using var response = await posting;

        Assert.Equal(SlackInboundKind.Interactive, inbound.Kind);
        Assert.Equal("view_submission", inbound.Type);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(http.Timeout))!;
        Assert.Equal("errors", answer["response_action"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_slack_retry_of_a_command_whose_first_request_was_dropped_carries_the_answer_and_is_not_queued_again()
    {
        await using var http = await HttpModeHarness.StartAsync();
        var body = SlackForm.Utf8(Command);
        using var slackGivesUp = CancellationTokenSource.CreateLinkedTokenSource(http.Timeout);

        var first = http.PostAsync(SlackHttpEndpoints.CommandsPath, body, "application/x-www-form-urlencoded", ct: slackGivesUp.Token);
        var inbound = await http.NextInboundAsync();
        await slackGivesUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        var timers = http.Time.TimersCreated;
        var retry = http.PostAsync(SlackHttpEndpoints.CommandsPath, body, "application/x-www-form-urlencoded", retryNum: 1);

        // The retry's acknowledgement deadline has started: Slack reads that acknowledgement now, not the first one.
        await http.Time.WaitForTimersAsync(timers + 1);
        Assert.True(await inbound.AckAsync(new JsonObject { ["response_type"] = "ephemeral", ["text"] = "You're in!" }));
        using var retryResponse = await retry;

        Assert.Equal("You're in!", JsonNode.Parse(await retryResponse.Content.ReadAsStringAsync(http.Timeout))!["text"]!.GetValue<string>());
        Assert.True(await inbound.ResponseDelivered.WaitAsync(http.Timeout));
        Assert.False(http.Inbox.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_retried_event_is_answered_again_but_queued_once()
    {
        await using var http = await HttpModeHarness.StartAsync();
        var body = SlackForm.Utf8(EventBody("Ev777", "hi"));

        var first = http.PostJsonAsync(SlackHttpEndpoints.EventsPath, body);
        var inbound = await http.NextInboundAsync();
        await inbound.AckAsync(null);
        using var firstResponse = await first;
        using var retryResponse = await http.PostJsonAsync(SlackHttpEndpoints.EventsPath, body, retryNum: 1);
        var nextPosting = http.PostJsonAsync(SlackHttpEndpoints.EventsPath, SlackForm.Utf8(EventBody("Ev778", "next")));
        var next = await http.NextInboundAsync();
        await next.AckAsync(null);
        using var nextResponse = await nextPosting;

        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retryResponse.StatusCode);
        Assert.Equal("Ev777", inbound.EventId);
        Assert.Equal("Ev778", next.EventId);
    }

    [Fact]
    public async Task Without_a_consumer_ack_the_response_is_an_empty_200_at_the_deadline()
    {
        await using var http = await HttpModeHarness.StartAsync();

        var posting = http.PostFormAsync(SlackHttpEndpoints.CommandsPath, SlackForm.Utf8(Command));
        var inbound = await http.NextInboundAsync();
        Assert.False(posting.IsCompleted);
        http.Time.Advance(SlackInbound.AckDeadline);
        using var response = await posting;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync(http.Timeout));
        Assert.False(await inbound.AckAsync(JsonNode.Parse("""{"text":"late"}""")));
    }

    [Fact]
    public async Task A_body_that_is_not_what_slack_sends_there_gets_400_and_nothing_is_queued()
    {
        await using var http = await HttpModeHarness.StartAsync();

        using var response = await http.PostFormAsync(SlackHttpEndpoints.InteractionsPath, SlackForm.Utf8("payload=not-json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(http.Inbox.Reader.TryRead(out _));
    }
}

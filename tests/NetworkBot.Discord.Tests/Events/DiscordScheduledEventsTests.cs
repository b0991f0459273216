using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Discord.Events;
using NetworkBot.Discord.Rest;
using NetworkBot.Discord.Tests.Rest;

namespace NetworkBot.Discord.Tests.Events;

public sealed class DiscordScheduledEventsTests : IAsyncLifetime
{
    private static readonly Community Guild = new(
        CommunityId.For("discord", "555"), "Guild", CommunitySettings.Default with { AnnouncementChannel = "777" }, DateTimeOffset.UnixEpoch);

    private static readonly DateTimeOffset Start = new(2026, 12, 3, 19, 0, 0, TimeSpan.FromHours(9));
    private const string NoneListed = "[]";
    private const string Scheduled = """{"id":"60","guild_id":"555","name":"Rust meetup","status":1}""";

    private readonly RecordingLoggerProvider logs = new();
    private DiscordRestHarness discord = null!;
    private IPlatformEvents events = null!;

    public async Task InitializeAsync()
    {
        discord = await DiscordRestHarness.StartAsync(logs: logs);
        events = Assert.Single(discord.Get<IEnumerable<IPlatformEvents>>());
    }

    public async Task DisposeAsync() => await discord.DisposeAsync();

    private IReadOnlyList<RecordedRequest> Requests => discord.Server.Requests;

    private static Event Meetup(string? platformRef = null, string? place = "Shibuya, Tokyo", string? description = "Bring a laptop") =>
        new(Guild.Id, new EventId("e1"), "Rust meetup", description, Start, TimeSpan.FromMinutes(90), "Asia/Tokyo", place, null, Cancelled: false)
        {
            PlatformRef = platformRef,
        };

    private static string Refusal(int code) => $$"""{"code":{{code}},"message":"Refused"}""";

    [Fact]
    public void AddDiscord_registers_the_scheduled_events()
    {
        Assert.IsType<DiscordScheduledEvents>(events);
        Assert.Equal("discord", events.Platform);
    }

    [Fact]
    public async Task Publishing_a_new_event_looks_for_its_marker_then_creates_an_external_guild_only_scheduled_event_in_utc()
    {
        discord.Server.Enqueue(200, NoneListed);
        discord.Server.Enqueue(200, Scheduled);

        var result = await events.PublishAsync(Guild, Meetup(), CancellationToken.None);

        Assert.Equal(PlatformEventResult.Done("60"), result);
        Assert.Equal([("GET", "/api/v10/guilds/555/scheduled-events"), ("POST", "/api/v10/guilds/555/scheduled-events")], Requests.Select(r => (r.Method, r.Path)));
        Assert.Equal(
            """{"name":"Rust meetup","scheduled_start_time":"2026-12-03T10:00:00+00:00","entity_type":3,"scheduled_end_time":"2026-12-03T11:30:00+00:00","description":"Bring a laptop\n\nNetworkBot event: e1","entity_metadata":{"location":"Shibuya, Tokyo"},"privacy_level":2}""",
            Requests[1].Body);
    }

    [Fact]
    public async Task Publishing_adopts_the_live_scheduled_event_carrying_the_events_marker_instead_of_making_a_second()
    {
        discord.Server.Enqueue(200, """
            [{"id":"61","guild_id":"555","name":"Rust meetup","status":3,"description":"NetworkBot event: e1"},
             {"id":"62","guild_id":"555","name":"Rust meetup","status":1,"description":"Bring a laptop\n\nNetworkBot event: e1"},
             {"id":"63","guild_id":"555","name":"Go meetup","status":1,"description":"NetworkBot event: e2"}]
            """);
        discord.Server.Enqueue(200, """{"id":"62","guild_id":"555","name":"Rust meetup","status":1}""");

        var result = await events.PublishAsync(Guild, Meetup(), CancellationToken.None);

        Assert.Equal(PlatformEventResult.Done("62"), result);
        Assert.Equal([("GET", "/api/v10/guilds/555/scheduled-events"), ("PATCH", "/api/v10/guilds/555/scheduled-events/62")], Requests.Select(r => (r.Method, r.Path)));
    }

    [Fact]
    public async Task Publishing_an_event_with_a_ref_patches_it()
    {
        discord.Server.Enqueue(200, Scheduled);

        var result = await events.PublishAsync(Guild, Meetup("60") with { Title = "Rust night" }, CancellationToken.None);

        Assert.Equal(PlatformEventResult.Done("60"), result);
        var request = Assert.Single(Requests);
        Assert.Equal(("PATCH", "/api/v10/guilds/555/scheduled-events/60"), (request.Method, request.Path));
        Assert.Equal(
            """{"name":"Rust night","scheduled_start_time":"2026-12-03T10:00:00+00:00","scheduled_end_time":"2026-12-03T11:30:00+00:00","description":"Bring a laptop\n\nNetworkBot event: e1","entity_type":3,"entity_metadata":{"location":"Shibuya, Tokyo"}}""",
            request.Body);
    }

    [Theory]
    [InlineData(404, """{"code":10070,"message":"Unknown Guild Scheduled Event"}""")]
    [InlineData(200, """{"id":"60","guild_id":"555","name":"Rust meetup","status":3}""")]
    public async Task A_scheduled_event_that_is_gone_or_over_is_made_again(int status, string answer)
    {
        discord.Server.Enqueue(status, answer);
        discord.Server.Enqueue(200, NoneListed);
        discord.Server.Enqueue(200, """{"id":"61","guild_id":"555","name":"Rust meetup","status":1}""");

        var result = await events.PublishAsync(Guild, Meetup("60"), CancellationToken.None);

        Assert.Equal(PlatformEventResult.Done("61"), result);
        Assert.Equal(["PATCH", "GET", "POST"], Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Long_titles_and_descriptions_are_cut_with_an_ellipsis_keeping_the_marker()
    {
        discord.Server.Enqueue(200, NoneListed);
        discord.Server.Enqueue(200, Scheduled);

        await events.PublishAsync(Guild, Meetup(description: new string('d', 1500)) with { Title = new string('t', 150) }, CancellationToken.None);

        var body = Requests[1].Json;
        Assert.Equal(new string('t', 99) + "…", body.GetProperty("name").GetString());
        Assert.Equal(new string('d', 977) + "…\n\nNetworkBot event: e1", body.GetProperty("description").GetString());
        Assert.Equal(DiscordScheduledEvents.MaxDescriptionLength, body.GetProperty("description").GetString()!.Length);
    }

    [Fact]
    public async Task Without_a_place_the_location_links_the_announcement_channel_or_says_Discord()
    {
        foreach (var _ in new[] { 1, 2 })
        {
            discord.Server.Enqueue(200, NoneListed);
            discord.Server.Enqueue(200, Scheduled);
        }

        await events.PublishAsync(Guild, Meetup(place: " ", description: null), CancellationToken.None);
        await events.PublishAsync(Guild with { Settings = Guild.Settings with { AnnouncementChannel = null } }, Meetup(place: null), CancellationToken.None);

        Assert.Equal("https://discord.com/channels/555/777", Requests[1].Json.GetProperty("entity_metadata").GetProperty("location").GetString());
        Assert.Equal("NetworkBot event: e1", Requests[1].Json.GetProperty("description").GetString());
        Assert.Equal("Discord", Requests[3].Json.GetProperty("entity_metadata").GetProperty("location").GetString());
    }

    [Fact]
    public async Task Cancelling_patches_status_4()
    {
        discord.Server.Enqueue(200, Scheduled);

        var result = await events.CancelAsync(Guild, Meetup("60"), CancellationToken.None);

        Assert.Equal(PlatformEventResult.Done("60"), result);
        var request = Assert.Single(Requests);
        Assert.Equal(("PATCH", "/api/v10/guilds/555/scheduled-events/60", """{"status":4}"""), (request.Method, request.Path, request.Body));
    }

    [Fact]
    public async Task Cancelling_a_scheduled_event_Discord_no_longer_has_is_done()
    {
        discord.Server.Enqueue(404, Refusal(DiscordApiError.UnknownGuildScheduledEvent));

        Assert.Equal(PlatformEventResult.Done("60"), await events.CancelAsync(Guild, Meetup("60"), CancellationToken.None));
    }

    [Fact]
    public async Task Cancelling_an_event_without_a_scheduled_event_only_looks_for_one()
    {
        discord.Server.Enqueue(200, NoneListed);

        Assert.Equal(PlatformEventResult.Done(null), await events.CancelAsync(Guild, Meetup(), CancellationToken.None));
        Assert.Equal("GET", Assert.Single(Requests).Method);
    }

    [Fact]
    public async Task Cancelling_an_event_without_a_ref_cancels_the_one_an_interrupted_publish_made()
    {
        discord.Server.Enqueue(200, """[{"id":"62","guild_id":"555","name":"Rust meetup","status":1,"description":"NetworkBot event: e1"}]""");
        discord.Server.Enqueue(200, Scheduled);

        Assert.Equal(PlatformEventResult.Done("62"), await events.CancelAsync(Guild, Meetup(), CancellationToken.None));
        Assert.Equal(("PATCH", "/api/v10/guilds/555/scheduled-events/62", """{"status":4}"""), (Requests[1].Method, Requests[1].Path, Requests[1].Body));
    }

    [Theory]
    [InlineData(false, 403, 50013, PlatformEventOutcome.MissingPermission)]
    [InlineData(true, 403, 50013, PlatformEventOutcome.MissingPermission)]
    [InlineData(false, 403, 50001, PlatformEventOutcome.MissingPermission)]
    [InlineData(false, 400, 50035, PlatformEventOutcome.Refused)]
    [InlineData(false, 404, 10004, PlatformEventOutcome.Refused)]
    public async Task A_refusal_becomes_a_neutral_outcome_and_keeps_the_ref(bool cancel, int status, int code, PlatformEventOutcome expected)
    {
        discord.Server.Enqueue(status, Refusal(code));

        var result = cancel
            ? await events.CancelAsync(Guild, Meetup("60"), CancellationToken.None)
            : await events.PublishAsync(Guild, Meetup(), CancellationToken.None);

        Assert.Equal(new PlatformEventResult(expected, cancel ? "60" : null), result);
        Assert.Contains(logs.Lines, l => l.Contains(expected.ToString(), StringComparison.Ordinal) && l.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_permission_on_an_update_is_not_taken_for_a_gone_event()
    {
        discord.Server.Enqueue(403, Refusal(50013));

        var result = await events.PublishAsync(Guild, Meetup("60"), CancellationToken.None);

        Assert.Equal(new PlatformEventResult(PlatformEventOutcome.MissingPermission, "60"), result);
        Assert.Single(Requests);
    }
}

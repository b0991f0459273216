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
    public async Task Publishing_a_new_event_creates_an_external_guild_only_scheduled_event_in_utc()
    {
        discord.Server.Enqueue(200, Scheduled);

        var result = await events.PublishAsync(Guild, Meetup(), CancellationToken.None);

        Assert.Equal(PlatformEventResult.Done("60"), result);
        var request = Assert.Single(Requests);
        Assert.Equal(("POST", "/api/v10/guilds/555/scheduled-events"), (request.Method, request.Path));
        Assert.Equal(
            """{"name":"Rust meetup","scheduled_start_time":"2026-12-03T10:00:00+00:00","entity_type":3,"scheduled_end_time":"2026-12-03T11:30:00+00:00","description":"Bring a laptop","entity_metadata":{"location":"Shibuya, Tokyo"},"privacy_level":2}""",
            request.Body);
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
            """{"name":"Rust night","scheduled_start_time":"2026-12-03T10:00:00+00:00","scheduled_end_time":"2026-12-03T11:30:00+00:00","description":"Bring a laptop","entity_type":3,"entity_metadata":{"location":"Shibuya, Tokyo"}}""",
            request.Body);
    }

    [Theory]
    [InlineData(404, """{"code":10070,"message":"Unknown Guild Scheduled Event"}""")]
    [InlineData(200, """{"id":"60","guild_id":"555","name":"Rust meetup","status":3}""")]
    public async Task A_scheduled_event_that_is_gone_or_over_is_made_again(int status, string answer)
    {
        discord.Server.Enqueue(status, answer);
        discord.Server.Enqueue(200, """{"id":"61","guild_id":"555","name":"Rust meetup","status":1}""");

        var result = await events.PublishAsync(Guild, Meetup("60"), CancellationToken.None);

        Assert.Equal(PlatformEventResult.Done("61"), result);
        Assert.Equal(["PATCH", "POST"], Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Long_titles_and_descriptions_are_cut_with_an_ellipsis()
    {
        discord.Server.Enqueue(200, Scheduled);

        await events.PublishAsync(Guild, Meetup(description: new string('d', 1500)) with { Title = new string('t', 150) }, CancellationToken.None);

        var body = Assert.Single(Requests).Json;
        Assert.Equal(new string('t', 99) + "…", body.GetProperty("name").GetString());
        Assert.Equal(new string('d', 999) + "…", body.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Without_a_place_the_location_links_the_announcement_channel_or_says_Discord()
    {
        discord.Server.Enqueue(200, Scheduled);
        discord.Server.Enqueue(200, Scheduled);

        await events.PublishAsync(Guild, Meetup(place: " ", description: null), CancellationToken.None);
        await events.PublishAsync(Guild with { Settings = Guild.Settings with { AnnouncementChannel = null } }, Meetup(place: null), CancellationToken.None);

        Assert.Equal("https://discord.com/channels/555/777", Requests[0].Json.GetProperty("entity_metadata").GetProperty("location").GetString());
        Assert.False(Requests[0].Json.TryGetProperty("description", out _));
        Assert.Equal("Discord", Requests[1].Json.GetProperty("entity_metadata").GetProperty("location").GetString());
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
    public async Task Cancelling_an_event_without_a_scheduled_event_asks_nothing()
    {
        Assert.True((await events.CancelAsync(Guild, Meetup(), CancellationToken.None)).Succeeded);
        Assert.Empty(Requests);
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

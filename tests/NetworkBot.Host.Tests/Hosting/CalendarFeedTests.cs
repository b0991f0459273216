using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Storage;
using NetworkBot.Host.Hosting;
using NetworkBot.Storage;
using NetworkBot.Tests;

namespace NetworkBot.Host.Tests.Hosting;

/// <summary><c>GET /calendar/{community}.ics?token=…</c> served by a real Kestrel on loopback over a real SQLite file.</summary>
public sealed class CalendarFeedTests : IAsyncLifetime
{
    private static readonly CommunityId Tokyo = CommunityId.For("discord", "81384788765712384");
    private static readonly CommunityId Osaka = CommunityId.For("slack", "T024BE7LD");
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private const string Token = "0123456789abcdef0123456789abcdef";

    private readonly TempDatabase database = new();
    private WebApplication app = null!;
    private HttpClient client = null!;

    private IStore Store => app.Services.GetRequiredService<IStore>();

    public async Task InitializeAsync()
    {
        var builder = LoopbackServer.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = database.ConnectionString });
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        builder.AddNetworkBotStorage();
        app = builder.Build();
        app.MapCalendarFeed();
        await app.Services.GetRequiredService<IStoreMigrator>().MigrateAsync(CancellationToken.None);
        client = new HttpClient { BaseAddress = await LoopbackServer.StartAsync(app) };

        foreach (var (community, name) in new[] { (Tokyo, "東京ネットワーキング"), (Osaka, "Osaka") })
        {
            await Store.SaveCommunityAsync(new Community(community, name, CommunitySettings.Default, Now), CancellationToken.None);
            await Store.SaveEventAsync(
                new Event(community, new EventId("ev" + community.Platform), $"{name} meetup", null, Now.AddDays(3), TimeSpan.FromHours(1), "Asia/Tokyo", null, null, Cancelled: false),
                [],
                _ => [],
                CancellationToken.None);
        }

        await Store.SetCalendarTokenAsync(Tokyo, Token, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
        database.Dispose();
    }

    private Task<HttpResponseMessage> GetAsync(CommunityId community, string? token) =>
        client.GetAsync($"/calendar/{Uri.EscapeDataString(community.Value)}.ics" + (token is null ? string.Empty : "?token=" + token));

    [Fact]
    public async Task The_right_token_gets_the_communitys_events_as_icalendar()
    {
        using var response = await GetAsync(Tokyo, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", body);
        Assert.Contains("X-WR-CALNAME:東京ネットワーキング\r\n", body);
        Assert.Contains("SUMMARY:東京ネットワーキング meetup\r\n", body);
        Assert.DoesNotContain("Osaka", body);
    }

    [Fact]
    public async Task Events_that_are_over_stay_in_the_feed_for_half_a_year()
    {
        foreach (var (id, start, finished) in new[] { ("recent", Now.AddDays(-30), true), ("ancient", Now - CalendarFeed.History - TimeSpan.FromDays(1), true) })
        {
            await Store.SaveEventAsync(
                new Event(Tokyo, new EventId(id), $"{id} meetup", null, start, TimeSpan.FromHours(1), "Asia/Tokyo", null, null, Cancelled: false) { Finished = finished },
                [],
                _ => [],
                CancellationToken.None);
        }

        var body = await (await GetAsync(Tokyo, Token)).Content.ReadAsStringAsync();

        Assert.Contains("SUMMARY:recent meetup\r\n", body);
        Assert.DoesNotContain("ancient meetup", body);
        Assert.Contains("SUMMARY:東京ネットワーキング meetup\r\n", body);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcdee")]
    [InlineData("0123456789abcdef")]
    public async Task A_missing_or_wrong_token_is_not_found(string? token)
    {
        using var response = await GetAsync(Tokyo, token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Another_communitys_feed_or_a_revoked_one_is_not_found()
    {
        using var other = await GetAsync(Osaka, Token);
        await Store.SetCalendarTokenAsync(Tokyo, null, CancellationToken.None);
        using var revoked = await GetAsync(Tokyo, Token);

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
    }
}

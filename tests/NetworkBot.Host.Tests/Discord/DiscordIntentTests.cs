using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NetworkBot.Core;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Storage;
using NetworkBot.Discord;
using NetworkBot.Discord.Events;
using NetworkBot.Storage;
using NetworkBot.Tests;

namespace NetworkBot.Host.Tests.Discord;

/// <summary>
/// Roles, channels and scheduled events made through recorded intents, with the real Core, SQLite file and Discord
/// adapter against the loopback Discord: however requests race, answers get lost or the process is killed between
/// a commit and its delivery, the guild ends with exactly one of each and nothing decided is lost. A "kill" is the host
/// disposed without delivering, and a new one built over the same database file.
/// </summary>
public sealed class DiscordIntentTests : IAsyncLifetime
{
    private const string Guild = "81384788765712384";
    private const string Mana = "111111111111111111";
    private const string Ken = "222222222222222222";
    private const string Announcements = "333333333333333333";
    private static readonly CommunityId Community = CommunityId.For("discord", Guild);
    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly TempDatabase database = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private FakeDiscordApi api = null!;
    private IHost host = null!;

    private IStore Store => host.Services.GetRequiredService<IStore>();

    public async Task InitializeAsync()
    {
        api = await FakeDiscordApi.StartAsync(new Uri("ws://127.0.0.1:9/"));
        host = await StartAsync();
        var settings = CommunitySettings.Default with { Managers = [new MemberId(Mana), new MemberId(Ken)], AnnouncementChannel = Announcements };
        await Store.SaveCommunityAsync(new Community(Community, "Tokyo", settings, clock.GetUtcNow()), Ct);
    }

    public async Task DisposeAsync()
    {
        host.Dispose();
        await api.DisposeAsync();
        database.Dispose();
    }

    [Fact]
    public async Task Two_managers_creating_one_group_at_once_make_one_row_one_role_and_one_channel()
    {
        var replies = await Task.WhenAll(
            Task.Run(() => TypeAsync(Mana, "/admin interests create rust")),
            Task.Run(() => TypeAsync(Ken, "/admin interests create Rust")));
        await DeliverAsync();

        Assert.Single(replies, r => r.IsError && r.Text.Contains("already exists", StringComparison.Ordinal));
        var interest = Assert.Single(await Store.ListInterestsAsync(Community, includeArchived: true, Ct));
        var role = Assert.Single(api.GuildObjects(Guild, "roles"));
        var channel = Assert.Single(api.GuildObjects(Guild, "channels"));
        Assert.Equal(((string?)role["id"], (string?)channel["id"], false), (interest.RoleRef, interest.ChannelRef, interest.SpacePending));
    }

    [Fact]
    public async Task A_role_made_whose_answer_was_lost_is_adopted_after_a_restart_and_the_group_has_one_role_and_one_channel()
    {
        api.LoseAnswerAfterMaking(r => r is { Method: "POST" } && r.Path.EndsWith("/roles", StringComparison.Ordinal));
        var reply = await TypeAsync(Mana, "/admin interests create rust");
        Assert.Contains(InterestTexts.InterestSpacePending.Format(Language.En, "rust"), reply.Text, StringComparison.Ordinal);
        await DeliverAsync();
        Assert.Single(api.GuildObjects(Guild, "roles"));
        Assert.True((await InterestAsync("rust")).SpacePending);

        await RestartAsync();
        clock.Advance(InterestSpaceSync.RetryAfter);
        await DeliverAsync();

        var interest = await InterestAsync("rust");
        var role = Assert.Single(api.GuildObjects(Guild, "roles"));
        var channel = Assert.Single(api.GuildObjects(Guild, "channels"));
        Assert.Equal(((string?)role["id"], (string?)channel["id"], false), (interest.RoleRef, interest.ChannelRef, interest.SpacePending));
        Assert.Single(api.Requests, r => r is { Method: "POST" } && r.Path.EndsWith("/roles", StringComparison.Ordinal));
        Assert.Contains(api.Requests, r => r.Method == "POST" && r.Body.Contains(InterestTexts.InterestSpaceReady.Format(Language.En, "rust"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_join_before_the_role_exists_gets_the_role_once_it_is_recorded()
    {
        api.LoseAnswerAfterMaking(r => r is { Method: "POST" } && r.Path.EndsWith("/channels", StringComparison.Ordinal) && r.Path.StartsWith("/api/v10/guilds/", StringComparison.Ordinal));
        await TypeAsync(Mana, "/admin interests create rust");
        await TypeAsync(Ken, "/interests join rust");
        await DeliverAsync();
        Assert.DoesNotContain(api.Requests, r => r.Method == "PUT" && r.Path.Contains("/members/", StringComparison.Ordinal));

        clock.Advance(InterestSpaceSync.RetryAfter);
        await DeliverAsync();

        var role = (await InterestAsync("rust")).RoleRef;
        Assert.Single(api.Requests, r => r.Method == "PUT" && r.Path == $"/api/v10/guilds/{Guild}/members/{Ken}/roles/{role}");
        Assert.Single(api.GuildObjects(Guild, "channels"));
    }

    [Fact]
    public async Task A_scheduled_event_made_whose_answer_never_came_is_adopted_by_the_retry_so_the_guild_has_one()
    {
        api.LoseAnswerAfterMaking(r => r is { Method: "POST" } && r.Path.EndsWith("/scheduled-events", StringComparison.Ordinal));
        await TypeAsync(Mana, "/admin events create title:\"Rust meetup\" date:2026-12-03 time:19:00 place:Shibuya");
        await DeliverAsync();
        var made = Assert.Single(api.GuildObjects(Guild, "scheduled-events"));
        var ev = Assert.Single(await Store.ListEventsAsync(Community, includeCancelled: true, Ct));
        Assert.Null(ev.PlatformRef);

        await RestartAsync();
        clock.Advance(PlatformEventSync.RetryAfter);
        await DeliverAsync();

        Assert.Equal((string?)Assert.Single(api.GuildObjects(Guild, "scheduled-events"))["id"], (string?)made["id"]);
        Assert.Equal((string?)made["id"], (await Store.GetEventAsync(Community, ev.Id, Ct))!.PlatformRef);

        await TypeAsync(Mana, $"/admin events cancel event:{ev.Id}");
        await DeliverAsync();
        Assert.Equal(DiscordScheduledEvents.CanceledStatus, (int?)Assert.Single(api.GuildObjects(Guild, "scheduled-events"))["status"]);
    }

    [Fact]
    public async Task The_announcement_and_the_scheduled_event_saved_with_the_event_survive_a_kill_before_delivery()
    {
        await TypeAsync(Mana, "/admin events create title:\"Rust meetup\" date:2026-12-03 time:19:00 place:Shibuya");

        await RestartAsync();
        await DeliverAsync();

        var announced = Assert.Single(api.Requests, r => r is { Method: "POST" } && r.Path == $"/api/v10/channels/{Announcements}/messages");
        Assert.Contains("Rust meetup", announced.Body, StringComparison.Ordinal);
        var scheduled = Assert.Single(api.GuildObjects(Guild, "scheduled-events"));
        Assert.Equal("Rust meetup", (string?)scheduled["name"]);
        Assert.Equal((string?)scheduled["id"], Assert.Single(await Store.ListEventsAsync(Community, includeCancelled: true, Ct)).PlatformRef);
    }

    private Task<Reply> TypeAsync(string member, string line) =>
        host.Services.GetRequiredService<CommandDispatcher>().HandleTextAsync(
            new CommandRequest(Community, new MemberId(member), member, string.Empty, new Dictionary<string, string>()), line, Ct);

    private async Task<Interest> InterestAsync(string name) =>
        await Store.GetInterestByNameAsync(Community, name, Ct) ?? throw new InvalidOperationException($"No interest {name}.");

    /// <summary>Delivers everything due now, batch after batch, as the outbox worker does.</summary>
    private async Task DeliverAsync()
    {
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DeliverDueAsync(Ct) > 0)
        {
        }
    }

    /// <summary>The process is killed and a new one starts over the same database file.</summary>
    private async Task RestartAsync()
    {
        host.Dispose();
        host = await StartAsync();
    }

    private async Task<IHost> StartAsync()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = database.ConnectionString,
            ["Discord:Token"] = "fake-bot-token.secret",
            ["Discord:ApiBaseUrl"] = api.BaseUrl.ToString(),
        });
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddNetworkBotCore();
        builder.AddNetworkBotStorage();
        builder.AddDiscord();
        var built = builder.Build();
        await built.Services.GetRequiredService<IStoreMigrator>().MigrateAsync(Ct);
        return built;
    }
}

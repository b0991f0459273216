using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Introductions;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Platform;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Scheduling;
using NetworkBot.Core.Storage;
using NetworkBot.Storage;
using NetworkBot.Tests;

namespace NetworkBot.Core.Tests.Commands;

/// <summary>The real command layer over a real SQLite file, wired by the real DI extensions, on a clock the test moves.</summary>
public sealed class CommandHarness : IAsyncDisposable
{
    public static readonly CommunityId Community = new("shell:test");
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase database = new();
    private IHost host;
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);

    /// <summary>Test replacements and additions (e.g. a platform's interest spaces), applied on every start.</summary>
    private readonly Action<IServiceCollection> configure;

    private CommandHarness(Action<IServiceCollection> configure)
    {
        this.configure = configure;
        host = Build();
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>Every message the outbox delivered, across restarts.</summary>
    public RecordingPlatform Platform { get; } = new();

    public IStore Store => host.Services.GetRequiredService<IStore>();

    public CommandDispatcher Dispatcher => host.Services.GetRequiredService<CommandDispatcher>();

    public T Get<T>()
        where T : notnull => host.Services.GetRequiredService<T>();

    /// <summary>Stops the process and starts a new one over the same database file, as after a crash or deploy.</summary>
    public void Restart()
    {
        host.Dispose();
        host = Build();
    }

    /// <summary>Ticks the schedulers (rounds, events, asks), then delivers everything due; returns their step count.</summary>
    public async Task<int> TickAsync()
    {
        var steps = await Get<ScheduledSteps>().TickAsync(includeRetention: false, CancellationToken.None);
        while (await Get<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None) > 0)
        {
        }

        return steps;
    }

    public static async Task<CommandHarness> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var harness = new CommandHarness(configure ?? (_ => { }));
        await harness.Get<IStoreMigrator>().MigrateAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>Creates the community with <paramref name="managerId"/> as its manager.</summary>
    public async Task SetUpCommunityAsync(string managerId = "mana", Action<CommunitySettings>? check = null)
    {
        await Store.SaveCommunityAsync(new Community(Community, "Test", CommunitySettings.Default with { Managers = [new MemberId(managerId)] }, Start), CancellationToken.None);
        await AddMemberAsync(managerId, "Mana Manager");
    }

    public async Task<Member> AddMemberAsync(string id, string name, Profile? profile = null, bool joined = false)
    {
        var member = new Member(Community, new MemberId(id), name, profile ?? Profile.Empty,
            joined ? new CoffeeEnrollment(true, null, false) : CoffeeEnrollment.NotJoined, Start);
        await Store.SaveMemberAsync(member, CancellationToken.None);
        names[id] = name;
        return member;
    }

    public Task<Reply> TypeAsync(string memberId, string line, Language? locale = null) =>
        Dispatcher.HandleTextAsync(Request(memberId, locale), line, CancellationToken.None);

    public Task<Reply> InvokeAsync(string memberId, string path, params (string Name, string Value)[] options) =>
        Dispatcher.HandleAsync(Request(memberId, null) with { Path = path, Options = options.ToDictionary(o => o.Name, o => o.Value) }, CancellationToken.None);

    public async Task<Member> MemberAsync(string id) =>
        await Store.GetMemberAsync(Community, new MemberId(id), CancellationToken.None) ?? throw new InvalidOperationException($"No member {id}.");

    /// <summary>Everything stored about the community, as text, to prove a refused command changed nothing.</summary>
    public async Task<string> SnapshotAsync()
    {
        var ct = CancellationToken.None;
        var text = new StringBuilder();
        text.AppendLine((await Store.GetCommunityAsync(Community, ct))?.Settings.ToString());
        foreach (var m in await Store.ListMembersAsync(Community, ct))
        {
            var p = m.Profile;
            text.AppendLine($"{m.Id}|{m.DisplayName}|{p.Pitch}|{p.Role}|{p.Industry}|{string.Join(',', p.Offers)}|{string.Join(',', p.Seeks)}|{string.Join(',', p.Interests)}|{p.TimeZone}|{p.Language}|{m.Coffee}");
            text.AppendLine(string.Join(',', await Store.ListBlockedAsync(Community, m.Id, ct)));
        }

        foreach (var i in await Store.ListInterestsAsync(Community, includeArchived: true, ct))
        {
            text.AppendLine($"{i.Name}|{i.Archived}|{i.Description}|{string.Join(',', await Store.ListInterestMembersAsync(Community, i.Id, ct))}");
        }

        text.AppendLine((await Store.GetScheduleAsync(Community, ct))?.ToString());
        foreach (var e in await Store.ListEventsAsync(Community, includeCancelled: true, ct))
        {
            text.AppendLine($"{e}|{string.Join(',', e.Reminders)}|{e.Repeat}|{e.Channel}|{e.MentionRole}|{e.Sequence}|{e.RemindedFor}");
            text.AppendLine(string.Join(',', (await Store.ListRsvpsAsync(Community, e.Id, ct)).Select(r => $"{r.Member}:{r.Status}:{r.WaitlistPosition}")));
        }

        text.AppendLine(await Store.GetCalendarTokenAsync(Community, ct));
        text.AppendLine((await Store.ListRoundsAsync(Community, int.MaxValue, ct)).Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        text.AppendLine((await Store.ListDueOutboxAsync(DateTimeOffset.MaxValue, int.MaxValue, ct)).Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return text.ToString();
    }

    private IHost Build()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = database.ConnectionString });
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddSingleton<IChatPlatform>(Platform);
        configure(builder.Services);
        builder.AddNetworkBotCore();
        builder.AddNetworkBotStorage();
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        host.Dispose();
        database.Dispose();
        await Task.CompletedTask;
    }

    /// <summary>A call as a platform would make it, with the caller's display name as the platform knows it.</summary>
    public CommandRequest Request(string memberId, Language? locale = null) =>
        new(Community, new MemberId(memberId), names.GetValueOrDefault(memberId, memberId), string.Empty, new Dictionary<string, string>()) { Locale = locale };
}

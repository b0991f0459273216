using System.Text.RegularExpressions;
using NetworkBot.Core.Domain;
using NetworkBot.Discord.Tests.Fakes;
using NetworkBot.Host.Tests.Discord;
using NetworkBot.Host.Tests.Hosting;
using NetworkBot.Host.Tests.Journeys;
using NetworkBot.Storage.Export;
using NetworkBot.Tests.Dashboard;

namespace NetworkBot.Host.Tests.Dashboard.Browser;

/// <summary>
/// The real <c>networkbot run</c> (in-process, against a fake Discord on loopback) serving the dashboard over two seeded
/// communities brought in with <c>networkbot import</c>: Tokyo, in Japanese, whose manager asked <c>/admin dashboard</c>
/// on the shell before the run started (<see cref="ShellLink"/>), and Osaka, in English, whose pages a Tokyo session must
/// not reach and which the screenshots show. The bot's clock stands still at the communities' "now", so every figure is the same in every test.
/// </summary>
public sealed partial class SeededDashboardRun : IAsyncLifetime
{
    private readonly ProbedRun run = new();
    private FakeDiscordGateway? gateway;
    private FakeDiscordApi? api;

    public SeededDashboardRun()
    {
        // The real time to the minute: the browser judges the session cookie's expiry by its own clock.
        var now = DateTimeOffset.UtcNow;
        Clock = new JourneyClock(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute)));
        Tokyo = CommunitySeeder.Generate(new CommunitySeed(CommunityId.For("shell", "tokyo"), "東京異業種ネットワーク", Language.Ja)
        {
            Members = 240,
            Rounds = 16,
            GroupSize = 2,
            Events = 5,
            Now = Clock.GetUtcNow(),
        });
        Osaka = CommunitySeeder.Generate(new CommunitySeed(CommunityId.For("shell", "osaka"), "Osaka Makers", Language.En)
        {
            Members = 180,
            Rounds = 14,
            GroupSize = 3,
            Events = 4,
            Seed = 7,
            Now = Clock.GetUtcNow(),
        });
    }

    public SeededCommunity Tokyo { get; }

    public SeededCommunity Osaka { get; }

    public JourneyClock Clock { get; }

    /// <summary>Where the run listens, which is also its <c>Web:PublicBaseUrl</c>.</summary>
    public Uri BaseAddress => new(run.Cli.Settings["Urls"]!);

    /// <summary>The sign-in link Tokyo's manager got from <c>/admin dashboard</c> on the shell: whole, built from <c>Web:PublicBaseUrl</c>.</summary>
    public string ShellLink { get; private set; } = "";

    public CliRunner Cli => run.Cli;

    public async Task InitializeAsync()
    {
        gateway = await FakeDiscordGateway.StartAsync(autoSession: true);
        api = await FakeDiscordApi.StartAsync(gateway.Url);
        Cli.Settings["Discord:Token"] = "fake-bot-token.secret";
        Cli.Settings["Discord:ApiBaseUrl"] = api.BaseUrl.ToString();
        Cli.Settings["Web:PublicBaseUrl"] = BaseAddress.ToString();
        Cli.Clock = Clock;

        var imported = await Cli.RunAsync(ExportDocument.Write([Tokyo.ToExport(), Osaka.ToExport()]), "import");
        Assert.True(imported.Exit == 0, imported.Error);

        // The shell holds the database while it runs, so it speaks before the run starts.
        var manager = Tokyo.Community.Settings.Managers[0].Value;
        var shell = await Cli.RunAsync("/admin dashboard\n", "shell", "--community", Tokyo.Id.ExternalId, "--as", manager);
        Assert.True(shell.Exit == 0, shell.Error);
        ShellLink = SignInLink().Match(shell.Out) is { Success: true } link ? link.Value : throw new Xunit.Sdk.XunitException($"/admin dashboard answered no link: {shell.Out}");

        run.Start();
        await run.GetAsync("/healthz");
    }

    public async Task DisposeAsync()
    {
        await run.DisposeAsync();
        if (api is not null)
        {
            await api.DisposeAsync();
        }

        if (gateway is not null)
        {
            await gateway.DisposeAsync();
        }
    }

    /// <summary>A second reader of the run's database, through the real store (the way <c>/admin dashboard</c> stores a link).</summary>
    public JourneyStore OpenStore() => new(Cli.ConnectionString);

    /// <summary>The path of a community's page, as the dashboard links it (the id escaped).</summary>
    public static string PathOf(CommunityId community, string page = "") => $"/dashboard/{Uri.EscapeDataString(community.Value)}{page}";

    [GeneratedRegex(@"https?://[^\s)>\]]+/dashboard/sign-in\?token=[A-Za-z0-9_-]+")]
    private static partial Regex SignInLink();
}
